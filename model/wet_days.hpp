// An ESTIMATE of the long-run share of wet days in a month from its mean precipitation total,
// for climatology grids that carry no wet-day frequency (ITU-R P.837, CMAP, GPCC means).
//
// Relation: mean number of wet days n = sqrt(P), P the mean monthly total in mm, capped at the
// days of the month; wet-day fraction f = n / days. This is the rule of thumb of the example of
// `genRain` in R package `weather` (R. J. Hijmans; rdrr.io/rforge/weather/man/genRain.html:
// `precdays <- round(sqrt(precip))`), the daily-rainfall generator of Geng, Penning de Vries &
// Supit (1986, Agric. For. Meteorol. 36:363-376), which needs the monthly total and the number
// of rainy days. It is not a regression fitted to station data: it gives the right order of
// magnitude (100 mm -> 10 days, 400 mm -> 20 days, 10 mm -> 3 days) and keeps f > 0 wherever
// P > 0, as the weather generator requires. Replace it with observed wet-day counts (e.g. CRU
// wet-day frequency, New et al. 2002, Clim. Res. 21:1-25) where they are available.
#pragma once

namespace riparia::model {

// f in [0, 1]; 0 when precip_mm <= 0. `days_in_month` > 0.
double estimated_wet_day_fraction(double precip_mm, double days_in_month);

} // namespace riparia::model

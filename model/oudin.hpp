// Oudin et al. (2005, J. Hydrol. 303:290-306) potential evapotranspiration from air temperature
// and extraterrestrial radiation; radiation after FAO-56 (Allen et al. 1998, eq. 21-25).
#pragma once

namespace riparia::model {

// Extraterrestrial radiation Re (MJ m-2 d-1) at latitude (degrees north) on day of year 1..366.
double extraterrestrial_radiation_MJ_m2_day(double latitude_deg, int day_of_year);

// PET (mm/d) = Re / 2.45 * (T + 5) / 100 when T + 5 > 0, else 0.
double oudin_pet_mm_day(double air_temperature_c, double latitude_deg, int day_of_year);
// The same from a radiation computed beforehand (the time loop tabulates it per latitude).
double oudin_pet_mm_day_from_radiation(double air_temperature_c, double radiation_MJ_m2_day);

} // namespace riparia::model

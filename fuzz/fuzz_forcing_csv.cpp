// libFuzzer target: the forcing CSV reader (header, dates, consecutive days, numbers, comments).
// An InputError is the expected outcome of a bad file.
#include "fuzz/fuzz_support.hpp"
#include "io/forcing_csv.hpp"
#include "io/input_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace riparia;
    const std::string path = fuzz::write_scratch("forcing.csv", data, size);
    try {
        const io::ForcingSeries series = io::read_forcing_csv(path);
        (void)series.last_day();
    } catch (const io::InputError&) {
        // the expected outcome of a bad file
    }
    return 0;
}

// libFuzzer target: the TFDD and AQUASTAT CSV readers of `riparia screen` (RFC 4180 fields,
// latin-1, columns, basin codes, numbers). The first byte picks the reader, the rest is the file.
// An InputError is the expected outcome of a bad table.
#include "fuzz/fuzz_support.hpp"
#include "io/input_error.hpp"
#include "io/tfdd_csv.hpp"
#include "io/tfdd_tables.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace riparia;
    if (size == 0) return 0;
    const std::uint8_t reader = data[0] % 6;
    const std::string path = fuzz::write_scratch("table.csv", data + 1, size - 1);
    static const std::set<std::string> basins{"NILE", "ARAL", "CSTO", "DANU", "RHIN", "INDU"};
    static const std::set<std::string> ignored{"GRND"};
    try {
        switch (reader) {
        case 0:
            (void)io::read_tfdd_register(path, basins);
            break;
        case 1:
            (void)io::read_tfdd_treaties(path, basins, ignored);
            break;
        case 2:
            (void)io::read_tfdd_rbos(path, basins, ignored);
            break;
        case 3:
            (void)io::read_tfdd_events(path, basins, ignored);
            break;
        case 4:
            (void)io::read_aquastat_countries(path);
            break;
        default: {
            const io::CsvTable table(path, true);
            for (std::size_t row = 0; row < table.rows(); ++row)
                (void)table.number(row, 0, true);
        }
        }
    } catch (const io::InputError&) {
        // the expected outcome of a bad table
    }
    return 0;
}

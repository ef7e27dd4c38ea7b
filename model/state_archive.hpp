// The state of a run as named arrays, for checkpoint and resume. Model classes write their state
// under a prefix ("gr4j/", "management/") and read it back; io/checkpoint_file.hpp stores an
// archive in a file. Reading checks every name and size against the state being restored, so a
// checkpoint of another basin is refused with a clear message instead of being misread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace riparia::model {

struct StateArchive {
    std::map<std::string, std::vector<double>> reals;
    std::map<std::string, std::vector<std::int64_t>> integers;

    template <typename Range> void put_reals(const std::string& name, const Range& values) {
        reals[name].assign(std::begin(values), std::end(values));
    }
    template <typename Range> void put_integers(const std::string& name, const Range& values) {
        auto& out = integers[name];
        out.clear();
        for (const auto& v : values)
            out.push_back(static_cast<std::int64_t>(v));
    }
    void put_real(const std::string& name, double value) { reals[name] = {value}; }
    void put_integer(const std::string& name, std::int64_t value) { integers[name] = {value}; }

    // Copies the entry into `out`, which must already have the entry's size (the size the
    // current basin needs). Throws std::invalid_argument when missing or sized differently.
    template <typename Container> void get_reals(const std::string& name, Container& out) const {
        const auto& values = entry(reals, name, out.size());
        std::copy(values.begin(), values.end(), out.begin());
    }
    template <typename Container> void get_integers(const std::string& name, Container& out) const {
        const auto& values = entry(integers, name, out.size());
        for (std::size_t k = 0; k < values.size(); ++k)
            out[k] = static_cast<typename Container::value_type>(values[k]);
    }
    double get_real(const std::string& name) const { return entry(reals, name, 1)[0]; }
    std::int64_t get_integer(const std::string& name) const { return entry(integers, name, 1)[0]; }

    // Throws unless the integer entry `name` equals `expected` ("what" names the quantity).
    void expect_integer(const std::string& name, std::int64_t expected,
                        const std::string& what) const {
        const std::int64_t found = get_integer(name);
        if (found != expected) {
            throw std::invalid_argument("checkpoint does not match this run: it was written for " +
                                        std::to_string(found) + " " + what + ", this run has " +
                                        std::to_string(expected) + " (entry '" + name + "')");
        }
    }

  private:
    template <typename Map>
    static const typename Map::mapped_type& entry(const Map& map, const std::string& name,
                                                  std::size_t expected_size) {
        const auto it = map.find(name);
        if (it == map.end()) {
            throw std::invalid_argument("checkpoint has no entry '" + name +
                                        "': it was written by another version or for another "
                                        "kind of run");
        }
        if (it->second.size() != expected_size) {
            throw std::invalid_argument("checkpoint entry '" + name + "' holds " +
                                        std::to_string(it->second.size()) +
                                        " values, this run needs " + std::to_string(expected_size) +
                                        ": the checkpoint is from another basin or study");
        }
        return it->second;
    }
};

} // namespace riparia::model

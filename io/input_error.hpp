// Invalid input: the one error type that makes the CLI exit with code 2. Its message names the
// file, the line or key, what was found and what was expected.
#pragma once

#include <stdexcept>
#include <string>

namespace riparia::io {

class InputError : public std::runtime_error {
  public:
    explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace riparia::io

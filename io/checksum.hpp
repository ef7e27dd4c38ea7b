// SHA-256 of input files for the provenance record (OpenSSL's EVP digest).
#pragma once

#include <string>

namespace riparia::io {

// Lowercase hex digest; throws InputError when the file cannot be read.
std::string sha256_of_file(const std::string& path);

// Lowercase hex digest of a string.
std::string sha256_of_text(const std::string& text);

} // namespace riparia::io

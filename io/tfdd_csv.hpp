// A CSV table read whole (RFC 4180: quoted fields may hold commas, doubled quotes and line
// breaks), for the TFDD and AQUASTAT tables. Latin-1 files are converted to UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace riparia::io {

class CsvTable {
  public:
    // Throws InputError naming the file when it cannot be read, is empty, or a row has a
    // different number of fields than the header (naming the line).
    CsvTable(const std::string& path, bool latin1);

    // Index of a header column; InputError "FILE: missing column 'X'; expected ..." if absent.
    std::size_t column(const std::string& name, const std::string& expected) const;
    std::size_t rows() const { return rows_.size(); }
    const std::string& at(std::size_t row, std::size_t column) const { return rows_[row][column]; }
    std::size_t line(std::size_t row) const { return lines_[row]; }
    // A number, or NaN for an empty field when `allow_empty`; else InputError naming the file,
    // the line, the column, what was found and what was expected.
    double number(std::size_t row, std::size_t column, bool allow_empty = false) const;
    [[noreturn]] void fail(std::size_t row, std::size_t column, const std::string& expected) const;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::size_t> lines_; // 1-based line where each row starts
};

std::string latin1_to_utf8(const std::string& text);

} // namespace riparia::io

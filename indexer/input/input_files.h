// Turns the indexer's INPUT arguments (files, directories, "-") into the list of files
// to read, each with the format its extension (or --input-format) gives it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace dipnews {

enum class InputFormat { jsonl, text, html };

// "jsonl", "text", "html" (and the aliases "ndjson", "txt", "md", "htm").
std::optional<InputFormat> parse_input_format(std::string_view name);
std::optional<InputFormat> format_from_extension(const std::string& path);
std::string_view format_name(InputFormat format);

inline constexpr const char* stdin_name = "-";         // how users name stdin
inline constexpr const char* stdin_label = "<stdin>";  // how messages name it

struct InputFile {
  std::string path;  // "-" for standard input
  InputFormat format;
};

struct ExpandedInputs {
  std::vector<InputFile> files;
  std::vector<InputError> errors;  // missing paths, files of unknown format; warnings: empty directories
};

// Directories are walked recursively in sorted order; inside them, hidden entries and
// files with no known extension are passed over (a corpus folder holds READMEs too).
// A file named explicitly must have a known format. stdin defaults to JSONL.
ExpandedInputs expand_inputs(const std::vector<std::string>& inputs, std::optional<InputFormat> forced);

}  // namespace dipnews

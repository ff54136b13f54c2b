// Runs a program to completion, feeding it stdin and capturing stdout, stderr and the
// exit status: how end-to-end tests drive the real binaries.
#pragma once

#include <string>
#include <vector>

namespace dipnews::test {

struct ProcessResult {
  int exit_code = -1;  // 128+N when killed by signal N, as a shell reports it
  std::string out;
  std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = "",
                          const std::vector<std::string>& extra_env = {});

}  // namespace dipnews::test

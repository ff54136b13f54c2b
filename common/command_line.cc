#include "command_line.h"

#include "build_config.h"
#include "error.h"

namespace dipnews {

namespace po = boost::program_options;

std::optional<po::variables_map> parse_command_line(int argc, const char* const argv[],
                                                    const po::options_description& options,
                                                    std::vector<std::string>& positional, const ProgramInfo& program,
                                                    std::ostream& out) {
  po::options_description hidden;
  hidden.add_options()("positional-arguments", po::value(&positional));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positions;
  positions.add("positional-arguments", -1);

  po::variables_map vm;
  try {
    // Arguments that start with '-' but are not options (a query's "-word") must follow "--".
    po::store(po::command_line_parser(argc, argv).options(all).positional(positions).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (vm.count("help")) {
    out << program.usage << "\n" << options << "\n" << program.exit_status;
    return std::nullopt;
  }
  if (vm.count("version")) {
    out << program.name << " " << build::version << "\n";
    return std::nullopt;
  }
  return vm;
}

}  // namespace dipnews

// `sitrep gazetteer ...`: build, inspect and try the compiled gazetteer.
//
//   sitrep gazetteer build --geonames FILE [--admin1 FILE] [--admin2 FILE] [--csc DIR]
//                          [--countries FILE] [--min-population N] --out FILE
//   sitrep gazetteer lookup [--gazetteer FILE] NAME...
//   sitrep gazetteer stats  [--gazetteer FILE]
//   sitrep gazetteer geocode [--gazetteer FILE] [--lang XX] TEXT...
//   sitrep gazetteer bench [--gazetteer FILE] ARTICLES.jsonl   (geocoder articles/s, one thread)
//
// argv[0] is "gazetteer". Prints to stdout, errors to stderr; returns the process exit code
// (0 ok, 1 failure, 2 usage).
#ifndef SITREP_CLI_GAZETTEER_CMD_H_
#define SITREP_CLI_GAZETTEER_CMD_H_

namespace sitrep {

int RunGazetteerCommand(int argc, char** argv);

}  // namespace sitrep

#endif  // SITREP_CLI_GAZETTEER_CMD_H_

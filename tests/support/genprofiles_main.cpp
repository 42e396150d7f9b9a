// talent-genprofiles KIND COUNT SEED: prints COUNT profiles (JSON Lines) of
// KIND valid | full | mutated, the same on every run for the same SEED.
#include <cstdlib>
#include <iostream>
#include <string>

#include "profile_generator.hpp"
#include "talent/engine.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: talent-genprofiles valid|full|mutated COUNT SEED\n";
    return 2;
  }
  const std::string kind = argv[1];
  const long count = std::atol(argv[2]);
  const auto* engine = talent::builtin_engine();
  if (!engine || (kind != "valid" && kind != "full" && kind != "mutated")) return 2;
  talent::testing::ProfileGenerator gen(engine->subject("profile").record, std::strtoull(argv[3], nullptr, 10));
  for (long i = 0; i < count; ++i)
    std::cout << (kind == "valid" ? gen.valid() : kind == "full" ? gen.full() : gen.mutated()) << '\n';
}

// Deterministic profiles, valid and broken, made from the profile schema:
// for the fuzz runs, the native/wasm comparison and the benchmark.
#pragma once
#include <cstdint>
#include <string>

#include "talent/json.hpp"
#include "talent/schema.hpp"

namespace talent::testing {

// splitmix64: the same sequence on every platform, unlike <random>'s
// distributions, so a seed names the same profiles everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }

 private:
  std::uint64_t state_;
};

class ProfileGenerator {
 public:
  ProfileGenerator(const RecordSchema& schema, std::uint64_t seed);
  std::string valid();    // every field answered or left out at random
  std::string full();     // every scalar field answered, lists of one to three
  std::string mutated();  // a valid profile broken in one of many ways
  // A valid answer to the one field `f`: a value it may take; for a list,
  // one to three items whose own fields are all answered.
  Json answer(const FieldSpec& f) { return value_for(f, true); }

 private:
  const RecordSchema& schema_;
  Random random_;
  int below(int n) { return random_.below(n); }
  bool chance(int percent) { return random_.chance(percent); }
  Json value_for(const FieldSpec& f, bool complete);
  Json record(const RecordSchema& schema, bool complete);
};

}  // namespace talent::testing

// Evaluations per second of the native engine on generated full profiles
// (the same generator and seed as tests/bench/run.sh gives the wasm module).
#include <benchmark/benchmark.h>

#include <vector>

#include "profile_generator.hpp"
#include "talent/engine.hpp"

static void BM_Evaluate(benchmark::State& state) {
  talent::testing::ProfileGenerator gen(talent::builtin_engine()->subject("profile").record, 42);
  std::vector<std::string> profiles;
  for (int i = 0; i < 10000; ++i) profiles.push_back(gen.full());
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    std::string out = talent::evaluate(profiles[i++ % profiles.size()]);
    bytes += out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["answer_bytes"] = benchmark::Counter(static_cast<double>(bytes) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_Evaluate)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();

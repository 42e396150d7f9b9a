// The engine the loader builds and the one read back from its image (what
// the shipped engine starts from) are the same engine: byte-identical answers
// on generated profiles and teams, and the same image written again.
#include <gtest/gtest.h>

#include "profile_generator.hpp"
#include "test_engines.hpp"

namespace talent::testing {
namespace {

struct TwoEngines : public ::testing::Test {
  static void SetUpTestSuite() {
    LoadErrors errors;
    loaded = load_policies(TALENT_POLICY_DIR, errors);
    ASSERT_TRUE(loaded) << error_list(errors);
    std::string error;
    from_image = Engine::from_image(engine_image(loaded->engine), error);
    ASSERT_TRUE(from_image) << error;
  }
  static void TearDownTestSuite() {
    from_image.reset();
    loaded.reset();
  }
  static inline std::optional<LoadedEngine> loaded;
  static inline std::optional<Engine> from_image;
};

TEST_F(TwoEngines, AnswerProfilesByteForByte) {
  ProfileGenerator gen(loaded->engine.subject("profile").record, 20261202);
  int compared = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string profile = i % 3 == 0 ? gen.full() : i % 3 == 1 ? gen.valid() : gen.mutated();
    ASSERT_EQ(loaded->engine.evaluate(profile), from_image->evaluate(profile)) << profile;
    ++compared;
  }
  EXPECT_EQ(compared, 3000);
}

TEST_F(TwoEngines, AnswerTeamsByteForByte) {
  ProfileGenerator gen(loaded->engine.subject("team").record, 7);
  for (int i = 0; i < 1000; ++i) {
    const std::string team = i % 2 ? gen.full() : gen.valid();
    ASSERT_EQ(loaded->engine.check_team(team), from_image->check_team(team)) << team;
  }
}

TEST_F(TwoEngines, DescribeAndVersionAgree) {
  EXPECT_EQ(loaded->engine.describe(), from_image->describe());
  EXPECT_EQ(loaded->engine.version(), from_image->version());
}

TEST_F(TwoEngines, TheImageIsWrittenTheSameAgain) { EXPECT_EQ(engine_image(loaded->engine), engine_image(*from_image)); }

// The engine compiled into this build is the one the policy folder gives.
TEST_F(TwoEngines, TheBuiltInEngineIsThePolicyFolder) {
  ASSERT_NE(builtin_engine(), nullptr) << builtin_load_error();
  EXPECT_EQ(engine_image(*builtin_engine()), engine_image(loaded->engine));
}

TEST(EngineImage, ADamagedImageIsRefused) {
  LoadErrors errors;
  auto loaded = load_policies(TALENT_POLICY_DIR, errors);
  ASSERT_TRUE(loaded);
  const std::string image = engine_image(loaded->engine);
  std::string error;
  EXPECT_FALSE(Engine::from_image(image.substr(0, image.size() / 2), error));
  EXPECT_EQ(error, "the engine image is damaged");
  EXPECT_FALSE(Engine::from_image("not an image", error));
  EXPECT_EQ(error, "not an engine image");
}

}  // namespace
}  // namespace talent::testing

#include "talent/schema.hpp"

#include <set>

namespace talent {

int FieldSpec::rank_of(const std::string& v) const {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (values[i] == v) return static_cast<int>(i);
  return -1;
}

int RecordSchema::find(std::string_view path) const {
  auto it = index.find(path);
  return it == index.end() ? -1 : it->second;
}

}  // namespace talent

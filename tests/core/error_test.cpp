#include "core/error.hpp"

#include <catch2/catch.hpp>

using namespace caremap::core;

TEST_CASE("errors put their context in front of the message", "[core][error]") {
  const InputError e("not a number: 'abc'", ErrorContext{"clinics.csv", "clinics", 4, "lat"});
  CHECK(std::string(e.what()) ==
        "clinics.csv, layer clinics, row 4, field lat: not a number: 'abc'");
  CHECK(e.detail() == "not a number: 'abc'");
  CHECK(e.context().row == 4u);

  const ArgumentError bare("radius must be positive");
  CHECK(std::string(bare.what()) == "radius must be positive");
  const Error& base = e;
  CHECK(dynamic_cast<const InputError*>(&base) != nullptr);
}

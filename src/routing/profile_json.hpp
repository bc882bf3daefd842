#pragma once
// Reading a travel profile's JSON (OSM profiles and line-layer profiles alike): one parser that
// says which file is malformed, and one field reader that names the field of a wrong value.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "routing/error_context.hpp"

namespace caremap::routing {

using ProfileJson = nlohmann::json;

/// Parses `text` (the profile file `source`) and requires a JSON object.
inline ProfileJson parse_profile_object(std::string_view text, const std::string& source) {
  ProfileJson j;
  try {
    j = ProfileJson::parse(text.begin(), text.end());
  } catch (const ProfileJson::exception& e) {
    throw core::InputError(std::string("profile is not valid JSON: ") + e.what(),
                           file_context(source));
  }
  if (!j.is_object()) {
    throw core::InputError("profile must be a JSON object", file_context(source));
  }
  return j;
}

/// Sets `out` from `j[key]` when the key is present and not null; a value of the wrong type is
/// an input error naming the file and the field.
template <class T>
void read_profile_field(const ProfileJson& j, const char* key, T& out, const std::string& source) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    return;
  }
  try {
    out = it->get<T>();
  } catch (const ProfileJson::exception& e) {
    throw core::InputError(std::string("profile field '") + key + "': " + e.what(),
                           file_context(source, key));
  }
}

}  // namespace caremap::routing

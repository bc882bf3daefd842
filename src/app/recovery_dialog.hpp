#pragma once
// The recovery dialog (app/autosave.hpp): after a crash, an ImGui modal in the UI language asks
// whether to restore the autosaved work, saying which region, when it was saved and how much it
// holds. The viewer opens nothing until it is answered.

#include <optional>

#include "app/app_state.hpp"
#include "app/autosave.hpp"

namespace caremap::app {

/// Draws the dialog for `crashed` (call every frame while it waits); returns the answer in the
/// frame it is given: true = recover, false = discard. Inside an ImGui frame.
std::optional<bool> draw_recovery_dialog(const SessionRecord& crashed, Lang lang,
                                         const ViewState& view);

}  // namespace caremap::app

// Shared prelude of every caremap shader stage. The loader prepends the version line and this
// file, then "#line 1" and the stage's own file, so compile errors carry the stage file's lines.
//
// Map transform: vertices are float32 metres relative to a layer origin; u_offset is
// (origin - camera centre) in metres and u_scale is 2 / (metres per pixel * viewport pixels), so
// clip = (position + u_offset) * u_scale. Screen-space sizes (symbols, line widths) are pixels
// times u_pixel_ratio, which is 1 on screen and larger for high-resolution exports.

uniform vec2 u_offset;
uniform vec2 u_scale;
uniform vec2 u_viewport_px;
uniform float u_pixel_ratio;

const int MAX_CLASSES = 32;
// The point-symbol distance atlas (render/symbol_atlas.hpp): 3 x 3 cells, each covering
// [-EXTENT, EXTENT]^2 in units of the symbol's bounding radius.
const int SYMBOL_ATLAS_COLUMNS = 3;
const float SYMBOL_ATLAS_EXTENT = 1.5;

vec2 map_to_clip(vec2 position_m) { return (position_m + u_offset) * u_scale; }
vec2 clip_to_px(vec2 clip) { return clip * 0.5 * u_viewport_px; }
vec2 px_to_clip(vec2 px) { return px * 2.0 / u_viewport_px; }
int class_index(float c) { return clamp(int(c + 0.5), 0, MAX_CLASSES - 1); }

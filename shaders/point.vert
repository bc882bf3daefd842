// Point symbols: one GL point per feature, sized in screen pixels (gl_PointSize). A point is
// one vertex and one primitive to set up, where an instanced quad was four vertices and two
// triangles: a software rasteriser spends more on that per-primitive work than on the few dozen
// pixels of a symbol. The point is one pixel larger than the symbol on every side, room for the
// anti-aliased edge. Everything constant over a symbol (radius, outline, colours, atlas cell) is
// worked out here once.
//
// GL drops a point whose centre is outside the viewport, so the renderer draws points with the
// viewport grown past the map by the largest symbol (scissored back to the map) and
// u_clip_scale maps the map's clip space into that larger viewport.

layout(location = 0) in vec2 a_position;
layout(location = 1) in float a_class;

uniform vec4 u_symbol[MAX_CLASSES];  // x = shape code, y = size px, z = outline px
uniform vec4 u_fill[MAX_CLASSES];    // straight (not premultiplied) RGBA
uniform vec4 u_outline[MAX_CLASSES];
uniform float u_symbol_scale;  // style::symbol_scale: smaller marks at overview scales
uniform vec2 u_clip_scale;     // map size / viewport size

flat out float v_extent;      // half the point's size in units of the radius
flat out float v_radius_px;   // bounding radius R of the shape
flat out float v_outline_px;  // outline width
flat out vec2 v_cell;         // atlas cell of the shape (column, row)
flat out vec4 v_fill;
flat out vec4 v_outline;

void main() {
  int c = class_index(a_class);
  vec4 symbol = u_symbol[c];
  float radius = max(symbol.y * u_symbol_scale * u_pixel_ratio * 0.5, 0.5);
  float half_size = radius + 1.0;
  gl_Position = vec4(map_to_clip(a_position) * u_clip_scale, 0.0, 1.0);
  gl_PointSize = 2.0 * half_size;
  v_extent = half_size / radius;
  v_radius_px = radius;
  v_outline_px = max(symbol.z * u_symbol_scale, min(symbol.z, 1.0)) * u_pixel_ratio;
  int shape = int(symbol.x + 0.5);
  v_cell = vec2(float(shape % SYMBOL_ATLAS_COLUMNS), float(shape / SYMBOL_ATLAS_COLUMNS));
  v_fill = u_fill[c];
  v_outline = u_outline[c];
}

// Point symbols: one instanced quad per feature, sized in screen pixels. The quad is a little
// larger than the symbol so the fragment shader has room for the anti-aliased edge.

layout(location = 0) in vec2 a_position;
layout(location = 1) in float a_class;

uniform vec4 u_symbol[MAX_CLASSES];  // x = shape code, y = size px, z = outline px
uniform float u_symbol_scale;        // render::symbol_scale: smaller marks at overview scales

out vec2 v_local_px;  // fragment position relative to the symbol centre, pixels, y up
flat out int v_class;

void main() {
  int c = class_index(a_class);
  float half_size = u_symbol[c].y * u_symbol_scale * u_pixel_ratio * 0.5 + 1.5;
  // Triangle-strip corners from the vertex id: no corner buffer needed.
  vec2 corner = vec2(float(gl_VertexID & 1) * 2.0 - 1.0, float((gl_VertexID >> 1) & 1) * 2.0 - 1.0);
  vec2 centre = map_to_clip(a_position);
  gl_Position = vec4(centre + px_to_clip(corner * half_size), 0.0, 1.0);
  v_local_px = corner * half_size;
  v_class = c;
}

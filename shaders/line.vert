// Anti-aliased lines: each segment is an instanced screen-space quad, widened by the line's half
// width plus one pixel of feather and extended past both ends so the fragment shader can round
// the caps (round caps on every segment also make round joins).

layout(location = 0) in vec4 a_segment;  // x0, y0, x1, y1: metres relative to the layer origin
layout(location = 1) in float a_class;

uniform vec4 u_line[MAX_CLASSES];  // x = width px, y = dash length px (0 = solid)

out vec2 v_coord_px;  // along, across: pixels from the segment start
flat out float v_length_px;
flat out float v_half_width_px;
flat out float v_dash_px;
flat out int v_class;

void main() {
  int c = class_index(a_class);
  vec2 s0 = clip_to_px(map_to_clip(a_segment.xy));
  vec2 s1 = clip_to_px(map_to_clip(a_segment.zw));
  vec2 dir = s1 - s0;
  float len = length(dir);
  dir = len > 1e-4 ? dir / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  float half_width = max(u_line[c].x * u_pixel_ratio, 0.5) * 0.5;
  float extent = half_width + 1.0;
  // Two triangles (0,1,2) (2,1,3) over corners: bit 0 = end, bit 1 = side.
  int corner_ids[6] = int[6](0, 1, 2, 2, 1, 3);
  int corner = corner_ids[gl_VertexID % 6];
  float along = (corner & 1) == 0 ? -extent : len + extent;
  float across = (corner & 2) == 0 ? -extent : extent;
  vec2 px = s0 + dir * along + normal * across;
  gl_Position = vec4(px_to_clip(px), 0.0, 1.0);
  v_coord_px = vec2(along, across);
  v_length_px = len;
  v_half_width_px = half_width;
  v_dash_px = u_line[c].y * u_pixel_ratio;
  v_class = c;
}

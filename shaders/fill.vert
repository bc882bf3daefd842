// Polygon fills: triangles from the GLU tessellator, one colour per symbol class.

layout(location = 0) in vec2 a_position;
layout(location = 1) in float a_class;

flat out int v_class;

void main() {
  gl_Position = vec4(map_to_clip(a_position), 0.0, 1.0);
  v_class = class_index(a_class);
}

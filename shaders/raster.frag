in vec2 v_texcoord;

uniform sampler2D u_image;
uniform float u_opacity;

out vec4 o_color;

void main() {
  vec4 c = texture(u_image, v_texcoord);
  o_color = vec4(c.rgb, c.a * u_opacity);
}

// The OpenAPI page, from the vendored swagger-ui (no CDN; an external file so the CSP needs no inline script).
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});

// Swagger UI for /docs, from the files the server itself serves (no CDN).
(function () {
  "use strict";
  var box = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: box.getAttribute("data-openapi"), dom_id: "#swagger-ui", deepLinking: true });
})();

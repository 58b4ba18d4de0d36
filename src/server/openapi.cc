// The OpenAPI 3 description served at /openapi.json. Kept beside the
// routes it describes; a server test checks every route is listed.
#include "server/http_util.h"

namespace storyline::server {

const char* OpenApiJson() {
  return R"json({
"openapi": "3.0.3",
"info": {"title": "storyline", "version": "0.1.0",
  "description": "News articles in, stories out. Writes need 'Authorization: Bearer TOKEN' when the server runs with --token. Errors are {\"error\": {\"status\": N, \"message\": \"...\"}}."},
"components": {
  "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
  "schemas": {
    "Article": {"type": "object", "required": ["id"], "properties": {
      "id": {"type": "string"}, "title": {"type": "string"},
      "text": {"type": "string"}, "html": {"type": "string"},
      "date": {"type": "string", "example": "2024-05-01"},
      "source": {"type": "string"}, "url": {"type": "string"},
      "lang": {"type": "string", "example": "en"}}},
    "Error": {"type": "object", "properties": {"error": {"type": "object",
      "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}},
    "StorySummary": {"type": "object", "properties": {
      "id": {"type": "string"}, "headline": {"type": "string"},
      "articles": {"type": "integer"}, "sources": {"type": "integer"},
      "first_date": {"type": "string", "nullable": true},
      "last_date": {"type": "string", "nullable": true},
      "languages": {"type": "array", "items": {"type": "string"}},
      "importance": {"type": "number"},
      "top_terms": {"type": "array", "items": {"type": "string"}}}}
  }
},
"paths": {
  "/articles": {"post": {"summary": "Add or replace articles: one JSON object, a JSON array, or JSONL. Acknowledged once committed.",
    "security": [{"bearer": []}],
    "parameters": [{"name": "wait", "in": "query", "schema": {"type": "boolean", "default": true}, "description": "wait for reclustering to report each article's story; with false, answer at once with a provisional story: that of the most similar stored article (cosine at the event threshold), else a story of its own"}],
    "requestBody": {"required": true, "content": {"application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/Article"}, {"type": "array", "items": {"$ref": "#/components/schemas/Article"}}]}}, "application/x-ndjson": {"schema": {"type": "string"}}}},
    "responses": {"201": {"description": "stored: {articles: [{id, status, story, provisional}], rejected: [...]}"}, "200": {"description": "all replaced"}, "400": {"description": "malformed body", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "missing token"}, "413": {"description": "body too large"}, "422": {"description": "no usable article"}, "503": {"description": "loading"}}}},
  "/articles/{id}": {
    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
    "get": {"summary": "A stored article with its story", "responses": {"200": {"description": "the article"}, "404": {"description": "unknown"}}},
    "put": {"summary": "Replace (or create) the article", "security": [{"bearer": []}], "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Article"}}}}, "responses": {"201": {"description": "created"}, "200": {"description": "replaced"}, "400": {"description": "bad body"}}},
    "delete": {"summary": "Delete the article", "security": [{"bearer": []}], "responses": {"204": {"description": "deleted"}, "404": {"description": "unknown"}}}},
  "/stories": {"get": {"summary": "Stories ranked by importance (sources, articles, recency)",
    "parameters": [
      {"name": "since", "in": "query", "schema": {"type": "string", "format": "date"}},
      {"name": "until", "in": "query", "schema": {"type": "string", "format": "date"}},
      {"name": "lang", "in": "query", "schema": {"type": "string"}},
      {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "words in the headline"},
      {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
      {"name": "cursor", "in": "query", "schema": {"type": "string"}, "description": "next_cursor of the previous page"}],
    "responses": {"200": {"description": "{stories: [StorySummary], total, next_cursor}"}, "400": {"description": "bad parameter"}, "503": {"description": "loading"}}}},
  "/stories/{id}": {"get": {"summary": "The full story: headline, summary, timeline, entities, quotes, sources, reuse, disagreements, events, articles",
    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
    "responses": {"200": {"description": "the story"}, "404": {"description": "unknown"}}}},
  "/duplicates/{id}": {"get": {"summary": "Copies of an article with evidence passages and direction",
    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
    "responses": {"200": {"description": "{id, copies: [...]}"}, "404": {"description": "unknown"}}}},
  "/{name}.html": {
    "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
    "put": {"summary": "tgnews: add or update an HTML article", "security": [{"bearer": []}],
      "parameters": [{"name": "Cache-Control", "in": "header", "schema": {"type": "string", "example": "max-age=86400"}}],
      "requestBody": {"required": true, "content": {"text/html": {"schema": {"type": "string"}}}},
      "responses": {"201": {"description": "created"}, "204": {"description": "updated"}, "415": {"description": "not text/html"}}},
    "delete": {"summary": "tgnews: delete", "security": [{"bearer": []}], "responses": {"204": {"description": "deleted"}, "404": {"description": "unknown"}}}},
  "/threads": {"get": {"summary": "tgnews: stories of the last `period` seconds",
    "parameters": [
      {"name": "period", "in": "query", "required": true, "schema": {"type": "integer"}},
      {"name": "lang_code", "in": "query", "schema": {"type": "string"}},
      {"name": "category", "in": "query", "schema": {"type": "string", "default": "any"}}],
    "responses": {"200": {"description": "{threads: [{title, category, articles}]}"}}}},
  "/healthz": {"get": {"summary": "Liveness and readiness", "responses": {"200": {"description": "{status, ready}"}}}},
  "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "text format 0.0.4"}}}},
  "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3"}}}},
  "/": {"get": {"summary": "The web UI", "responses": {"200": {"description": "HTML"}}}}
}
})json";
}

}  // namespace storyline::server

// Starts `stride lsp` for .stride files. Everything else (diagnostics,
// hover, completion, formatting, quick fixes) comes from the server.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("stride");
  const command = config.get("path") || "stride";
  const ruleDocsUrl = config.get("ruleDocsUrl");
  client = new LanguageClient(
    "stride",
    "stride",
    { command, args: ["lsp"] },
    {
      documentSelector: [{ language: "stride" }],
      initializationOptions: ruleDocsUrl ? { ruleDocsUrl } : {},
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

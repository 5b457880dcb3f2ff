//! `bedrock-lint lsp`: a language server over stdio (lsp-server: a small synchronous
//! crate, half the dependencies and build time of tower-lsp-server).
//!
//! No rule logic lives here: every analysis is `bedrock_lint_rules::lint` over the
//! document's module directory, with the open buffers overlaid on the disk content.

// `Uri` hashes and compares by its string; lsp-types itself keys `WorkspaceEdit`
// changes by it.
#![allow(clippy::mutable_key_type)]

mod actions;
mod analysis;
mod config;
mod document;
mod hover;
mod server;
mod uri;

use crate::error::Failure;
use lsp_server::Connection;
use lsp_types as lt;
use server::Server;

/// Runs the server on stdin/stdout until `exit`; 0 after a clean shutdown.
pub fn serve() -> Result<i32, Failure> {
    let (connection, io_threads) = Connection::stdio();
    let result = run_connection(&connection);
    // Drop the connection first: the writer thread ends only when its sender is gone.
    drop(connection);
    let joined = io_threads.join();
    let code = result?;
    if let Err(e) = joined {
        eprintln!("bedrock-lint lsp: {e}");
    }
    Ok(code)
}

fn run_connection(connection: &Connection) -> Result<i32, Failure> {
    let (id, params) = connection
        .initialize_start()
        .map_err(|e| Failure(format!("language server: {e}")))?;
    let params: lt::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let result = lt::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(lt::ServerInfo {
            name: "bedrock-lint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| Failure(e.to_string()))?;
    connection
        .initialize_finish(id, result)
        .map_err(|e| Failure(format!("language server: {e}")))?;
    let mut server = Server::new(connection);
    if params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
    {
        server.register_watchers();
    }
    Ok(server.main_loop())
}

fn capabilities() -> lt::ServerCapabilities {
    lt::ServerCapabilities {
        text_document_sync: Some(lt::TextDocumentSyncCapability::Options(
            lt::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lt::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lt::TextDocumentSyncSaveOptions::SaveOptions(
                    lt::SaveOptions {
                        include_text: Some(false),
                    },
                )),
                ..Default::default()
            },
        )),
        code_action_provider: Some(lt::CodeActionProviderCapability::Options(
            lt::CodeActionOptions {
                code_action_kinds: Some(vec![lt::CodeActionKind::QUICKFIX]),
                ..Default::default()
            },
        )),
        hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
        ..Default::default()
    }
}

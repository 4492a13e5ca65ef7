//! CSV exports of whole lists (`GET /api/devices.csv`, `GET /api/jobs.csv`): every row matching
//! a filter, as of one moment, streamed a chunk at a time so a 100,000-row list is never held
//! whole in memory.
//!
//! The rows are read inside one read transaction ([`Store::read_snapshot`]) on the blocking
//! pool and handed to the response body through a channel of two chunks: when the client reads
//! slowly, the reader waits instead of reading ahead; when it goes away, the reader stops.

mod devices;
mod jobs;

pub use devices::devices_csv;
pub use jobs::jobs_csv;

use crate::store::sql::Transaction;
use axum::{
    body::{Body, Bytes},
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
};
use tokio::sync::mpsc;

use crate::{error::ApiError, store::Store};

/// Rows read and sent at a time: large enough that statements are few, small enough that a
/// chunk is a few hundred kilobytes.
pub const CHUNK_ROWS: usize = 1_000;

/// Chunks in flight between the reader and the body.
const CHANNEL_CHUNKS: usize = 2;

type Chunk = Result<Bytes, std::io::Error>;

/// Where a snapshot reader writes the file, a chunk at a time.
pub struct ChunkSink {
    sender: mpsc::Sender<Chunk>,
}

/// The client went away: nobody reads the rest.
#[derive(Debug)]
pub struct ClientGone;

impl ChunkSink {
    /// Hands one chunk to the body, waiting while the client has not read the ones before.
    pub fn send(&self, text: String) -> Result<(), ClientGone> {
        self.sender
            .blocking_send(Ok(Bytes::from(text)))
            .map_err(|_| ClientGone)
    }
}

/// Why a snapshot read stopped early.
enum Stop {
    Gone,
    Failed(ApiError),
}

impl From<ClientGone> for Stop {
    fn from(_: ClientGone) -> Stop {
        Stop::Gone
    }
}

impl From<ApiError> for Stop {
    fn from(error: ApiError) -> Stop {
        Stop::Failed(error)
    }
}

impl From<crate::store::sql::Error> for Stop {
    fn from(error: crate::store::sql::Error) -> Stop {
        Stop::Failed(error.into())
    }
}

/// A `text/csv` attachment named `file_name` whose body starts with `header` and goes on with
/// what `read` sends from inside one read transaction.
fn stream_csv<F>(store: &Store, file_name: &'static str, header: String, read: F) -> Response
where
    F: FnOnce(&Transaction<'_>, &ChunkSink) -> Result<(), Stop> + Send + 'static,
{
    let (sender, mut receiver) = mpsc::channel::<Chunk>(CHANNEL_CHUNKS);
    let sink = ChunkSink {
        sender: sender.clone(),
    };
    let store = store.clone();
    tokio::spawn(async move {
        let outcome = store
            .read_snapshot(move |tx| {
                let result = sink
                    .send(header)
                    .map_err(Stop::from)
                    .and_then(|()| read(tx, &sink));
                Ok(result)
            })
            .await
            .unwrap_or_else(|error| Err(Stop::Failed(error)));
        if let Err(Stop::Failed(error)) = outcome {
            // Headers are gone already: end the body with an error, so the download fails
            // instead of looking complete.
            tracing::error!(?error, file_name, "export failed");
            let _ = sender
                .send(Err(std::io::Error::other("export failed")))
                .await;
        }
    });
    let chunks = futures_util::stream::poll_fn(move |cx| receiver.poll_recv(cx));
    let mut response = Body::from_stream(chunks).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let disposition = format!("attachment; filename=\"{file_name}\"");
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

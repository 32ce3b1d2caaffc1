//! The preview's HTTP/1.1 server: a fixed pool of workers, each answering
//! one request per connection. Its limits are what keep one misbehaving
//! tab or script from taking the preview down: a request's head is read up
//! to [`MAX_HEAD`] bytes and within [`READ_TIMEOUT`], at most [`WORKERS`]
//! requests are answered at once and at most [`QUEUE`] wait for a worker;
//! anything beyond gets "503 busy" at once from the accepting thread.
//! Request heads are parsed by `httparse`; what a request asks for is
//! decided by the caller's handler, never here.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Requests answered at once. A live-reload poll holds one for up to 20 s
/// (the handler keeps polls to a share of them).
pub const WORKERS: usize = 16;
/// Connections waiting for a worker; more are turned away with 503.
pub const QUEUE: usize = 64;
/// Largest request head (request line and headers) read.
pub const MAX_HEAD: usize = 16 * 1024;
/// Most headers in a request.
const MAX_HEADERS: usize = 64;
/// How long a client may take to send its request head (a browser on the
/// same machine takes milliseconds); an idle connection is closed then, so
/// a flood of idle ones holds the workers for seconds, not for ever.
pub const READ_TIMEOUT: Duration = Duration::from_secs(2);
/// How long a client may take to take the answer.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// A request's head: all the handler needs of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, …
    pub method: String,
    /// The request target as sent (`/en/index.html?x`).
    pub target: String,
    /// The headers, names as sent.
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The value of the header `name` (any case), if sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the answer carries.
pub enum Body {
    /// Bytes in memory.
    Bytes(Vec<u8>),
    /// A file, streamed, with its length.
    File(std::fs::File, u64),
}

/// An answer.
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Headers besides `Content-Length` and `Connection`.
    pub headers: Vec<(String, String)>,
    /// The body (left out for `HEAD`).
    pub body: Body,
}

impl Response {
    /// `self` with the header added; a name or value with a line break (none
    /// of ours have one) is left out rather than sent broken.
    pub fn header(mut self, name: &str, value: &str) -> Response {
        let clean = |s: &str| !s.contains(['\r', '\n']);
        if clean(name) && clean(value) {
            self.headers.push((name.to_string(), value.to_string()));
        }
        self
    }
}

/// Answers requests on `listener` with `handler` until `stop` is set, then
/// returns (requests still being answered finish on their own).
pub fn run<H>(listener: TcpListener, handler: H, busy: fn() -> Response, stop: &AtomicBool)
where
    H: Fn(&Request) -> Response + Send + Sync + 'static,
{
    // Accepting polls, so that `stop` is seen without a connection.
    if listener.set_nonblocking(true).is_err() {
        return;
    }
    let handler = Arc::new(handler);
    let (queue, waiting) = mpsc::sync_channel::<TcpStream>(QUEUE);
    let waiting = Arc::new(Mutex::new(waiting));
    for _ in 0..WORKERS {
        let (waiting, handler) = (waiting.clone(), handler.clone());
        std::thread::spawn(move || work(&waiting, &*handler));
    }
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, _)) => dispatch(&queue, stream, busy),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(_) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
    // Dropping the queue ends the workers once they are idle.
}

/// Hands `stream` to a worker, or says "busy" when all are taken and the
/// queue is full.
fn dispatch(queue: &SyncSender<TcpStream>, stream: TcpStream, busy: fn() -> Response) {
    if stream.set_nonblocking(false).is_err() {
        return;
    }
    let _ = stream.set_read_timeout(Some(READ_TIMEOUT));
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    if let Err(TrySendError::Full(mut stream)) = queue.try_send(stream) {
        // The client may not have sent anything yet; the answer is short and
        // the socket's buffer takes it without waiting.
        let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
        let _ = write_response(&mut stream, busy(), false);
        discard_unread(&mut stream, Duration::from_millis(20));
    }
}

/// Reads and drops what the client has sent and we did not read, for a
/// moment: a socket closed with unread data is reset, and a reset can
/// take the answer (a 503, a 431) with it before the client reads it.
fn discard_unread(stream: &mut TcpStream, wait: Duration) {
    let _ = stream.set_read_timeout(Some(wait));
    let mut sink = [0u8; 16 * 1024];
    let mut total = 0;
    while total < 1024 * 1024 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => return,
            Ok(n) => total += n,
        }
    }
}

/// A worker: takes connections off the queue until it is closed.
fn work(waiting: &Mutex<Receiver<TcpStream>>, handler: &(dyn Fn(&Request) -> Response + Sync)) {
    loop {
        let next = match waiting.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        let Ok(mut stream) = next else {
            return;
        };
        let response = match read_head(&mut stream) {
            Ok(request) => {
                let head_only = request.method == "HEAD";
                let response = handler(&request);
                let _ = write_response(&mut stream, response, head_only);
                continue;
            }
            Err(HeadError::TooLarge) => plain(431, "request header too large\n"),
            Err(HeadError::Malformed) => plain(400, "bad request\n"),
            Err(HeadError::Gone) => continue,
        };
        let _ = write_response(&mut stream, response, false);
        discard_unread(&mut stream, Duration::from_millis(100));
    }
}

/// Why a request head could not be read.
#[derive(Debug, PartialEq, Eq)]
enum HeadError {
    /// Over [`MAX_HEAD`] bytes or [`MAX_HEADERS`] headers.
    TooLarge,
    /// Not HTTP.
    Malformed,
    /// The client went away or was too slow.
    Gone,
}

/// Reads and parses a request head from `stream`, never more than
/// [`MAX_HEAD`] bytes of it.
fn read_head(stream: &mut impl Read) -> Result<Request, HeadError> {
    let mut buf = vec![0u8; MAX_HEAD];
    let mut filled = 0;
    loop {
        if filled == buf.len() {
            return Err(HeadError::TooLarge);
        }
        let n = stream
            .read(&mut buf[filled..])
            .map_err(|_| HeadError::Gone)?;
        if n == 0 {
            return Err(HeadError::Gone);
        }
        filled += n;
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Request::new(&mut headers);
        match parsed.parse(&buf[..filled]) {
            Ok(httparse::Status::Complete(_)) => {
                return Ok(Request {
                    method: parsed.method.unwrap_or_default().to_string(),
                    target: parsed.path.unwrap_or_default().to_string(),
                    headers: parsed
                        .headers
                        .iter()
                        .map(|h| {
                            let value = String::from_utf8_lossy(h.value).into_owned();
                            (h.name.to_string(), value)
                        })
                        .collect(),
                });
            }
            Ok(httparse::Status::Partial) => {}
            Err(httparse::Error::TooManyHeaders) => return Err(HeadError::TooLarge),
            Err(_) => return Err(HeadError::Malformed),
        }
    }
}

/// A plain-text answer the server gives by itself.
fn plain(status: u16, text: &str) -> Response {
    Response {
        status,
        headers: vec![(
            "Content-Type".to_string(),
            "text/plain; charset=utf-8".to_string(),
        )],
        body: Body::Bytes(text.as_bytes().to_vec()),
    }
}

/// Writes `response` (without its body when `head_only`) and closes.
fn write_response(
    stream: &mut TcpStream,
    response: Response,
    head_only: bool,
) -> std::io::Result<()> {
    let len = match &response.body {
        Body::Bytes(bytes) => bytes.len() as u64,
        Body::File(_, len) => *len,
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {len}\r\nConnection: close\r\n\r\n"
    ));
    stream.write_all(head.as_bytes())?;
    if !head_only {
        match response.body {
            Body::Bytes(bytes) => stream.write_all(&bytes)?,
            Body::File(mut file, len) => {
                std::io::copy(&mut (&mut file).take(len), stream)?;
            }
        }
    }
    stream.flush()?;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    Ok(())
}

/// The reason phrase of the codes the preview sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_is_parsed_and_an_endless_one_is_cut_at_the_limit() {
        let raw = b"GET /en/?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8787\r\n\r\n";
        let request = read_head(&mut &raw[..]).unwrap();
        assert_eq!(request.method, "GET");
        assert_eq!(request.target, "/en/?x=1");
        assert_eq!(request.header("host"), Some("127.0.0.1:8787"));

        // 512 MB of header: only MAX_HEAD bytes are ever read.
        struct Endless(usize);
        impl Read for Endless {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let head = b"GET / HTTP/1.1\r\nX: ";
                let n = buf.len().min(4096);
                for (i, b) in buf[..n].iter_mut().enumerate() {
                    *b = head.get(self.0 + i).copied().unwrap_or(b'a');
                }
                self.0 += n;
                Ok(n)
            }
        }
        let mut endless = Endless(0);
        assert_eq!(read_head(&mut endless), Err(HeadError::TooLarge));
        assert!(endless.0 <= MAX_HEAD);

        assert_eq!(
            read_head(&mut &b"\x16\x03\x01junk\r\n\r\n"[..]),
            Err(HeadError::Malformed)
        );
        assert_eq!(read_head(&mut &b"GET / HT"[..]), Err(HeadError::Gone));
    }
}

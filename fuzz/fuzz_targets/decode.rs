//! Arbitrary bytes through decoding and the snapshot split: no panic, and
//! decoded text splits into a prelude and a suffix of itself.

#![no_main]

use lede::extract::{Options, decode, snapshot};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode::to_utf8(data, None, &Options::default()) else {
        return;
    };
    let (_prelude, html) = snapshot::split(&decoded.text);
    assert!(
        decoded.text.ends_with(html),
        "the split drops the end of the text"
    );
});

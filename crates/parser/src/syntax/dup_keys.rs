//! A key repeated in an object constructor is valid Terraform (the last one wins) but
//! hcl-edit refuses it. On that error the repeated key is renamed, in a working copy, to
//! a fresh identifier of the same byte length and the file is read again; the
//! conversion takes each renamed key back from the original text.

/// Retries per file: each is a whole parse, so hostile input cannot make it quadratic.
pub const MAX_RENAMES: usize = 64;

pub fn is_duplicate_key(message: &str) -> bool {
    message.contains("redefined object key")
}

/// Renames the object key that starts at `at` in `work`; returns where the key ends.
pub fn rename(work: &mut String, at: usize) -> Option<usize> {
    let end = key_end(work.as_bytes(), at)?;
    let fresh = fresh_ident(work, end - at)?;
    if !work.is_char_boundary(at) || !work.is_char_boundary(end) {
        return None;
    }
    work.replace_range(at..end, &fresh);
    Some(end)
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c >= 0x80
}

/// The end of an identifier, a quoted string or a parenthesised key starting at `at`.
fn key_end(b: &[u8], at: usize) -> Option<usize> {
    match *b.get(at)? {
        b'"' => string_end(b, at),
        b'(' => {
            let (mut depth, mut i) = (0usize, at);
            while i < b.len() {
                match b[i] {
                    b'"' => {
                        i = string_end(b, i)?;
                        continue;
                    }
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        c if is_ident(c) && !c.is_ascii_digit() && c != b'-' => {
            let mut i = at;
            while i < b.len() && is_ident(b[i]) {
                i += 1;
            }
            Some(i)
        }
        _ => None,
    }
}

fn string_end(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            b'\n' => return None,
            _ => i += 1,
        }
    }
    None
}

/// An identifier of `len` bytes that appears nowhere in `text` as a whole word.
fn fresh_ident(text: &str, len: usize) -> Option<String> {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    (0..10_000usize).find_map(|k| {
        let mut name = Vec::new();
        let mut n = k;
        loop {
            name.push(LETTERS[n % LETTERS.len()]);
            n /= LETTERS.len();
            if n == 0 {
                break;
            }
        }
        if name.len() > len {
            return None;
        }
        name.resize(len, b'_');
        let name = String::from_utf8(name).ok()?;
        (!occurs_as_word(text, &name)).then_some(name)
    })
}

fn occurs_as_word(text: &str, word: &str) -> bool {
    let b = text.as_bytes();
    text.match_indices(word).any(|(pos, _)| {
        let before = pos.checked_sub(1).map(|p| b[p]);
        let after = b.get(pos + word.len()).copied();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

#[cfg(test)]
mod tests {
    use super::rename;

    #[test]
    fn renames_keys_to_fresh_words_of_the_same_length() {
        let mut work = "a = { b = 1, a_ = 2, (x) = 3, \"é\" = 4 }".to_string();
        let len = work.len();
        assert_eq!(rename(&mut work, 6), Some(7));
        assert_eq!(rename(&mut work, 13), Some(15));
        assert_eq!(rename(&mut work, 21), Some(24));
        assert_eq!(rename(&mut work, 30), Some(34));
        assert_eq!(work, "a = { c = 1, b_ = 2, a__ = 3, a___ = 4 }");
        assert_eq!(work.len(), len);
    }
}

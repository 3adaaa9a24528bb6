package wasm

import (
	"bytes"
	"errors"
	"testing"
)

// encodeEntry returns the cache file of artifact.
func encodeEntry(artifact []byte) []byte {
	var buf bytes.Buffer
	if err := writeEntry(&buf, artifact); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func TestCheckEntry(t *testing.T) {
	artifact := []byte("\x7fELF artifact")
	good := encodeEntry(artifact)
	if len(good) != len(artifact)+cacheFooterLen || !bytes.HasPrefix(good, artifact) {
		t.Fatalf("encodeEntry = %q: the artifact does not start the file", good)
	}
	if got, err := checkEntry(good); err != nil || !bytes.Equal(got, artifact) {
		t.Fatalf("checkEntry(good) = %q, %v", got, err)
	}
	if got, err := checkEntry(encodeEntry(nil)); err != nil || len(got) != 0 {
		t.Errorf("checkEntry(empty artifact) = %q, %v", got, err)
	}
	flip := func(i int) []byte {
		e := bytes.Clone(good)
		e[i] ^= 1
		return e
	}
	bad := map[string][]byte{
		"empty":           nil,
		"short":           good[len(good)-10:],
		"truncated":       good[:len(good)-1],
		"no artifact":     good[len(artifact)+1:],
		"longer":          append(bytes.Clone(good[:len(artifact)]), good...),
		"artifact bit":    flip(3),
		"checksum bit":    flip(len(artifact)),
		"length bit":      flip(len(artifact) + 4),
		"magic bit":       flip(len(good) - 1),
		"old format":      append([]byte("MLCWASM2"), artifact...),
		"trailing garbag": append(bytes.Clone(good), 'x'),
	}
	for name, e := range bad {
		if _, err := checkEntry(e); err == nil {
			t.Errorf("%s: checkEntry accepted it", name)
		}
	}
}

// failWriter fails after accepting n bytes.
type failWriter struct{ n int }

var errWrite = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return w.n, errWrite
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteEntryErrors(t *testing.T) {
	artifact := []byte("artifact")
	for _, n := range []int{0, 3, len(artifact), len(artifact) + 5} {
		if err := writeEntry(&failWriter{n: n}, artifact); !errors.Is(err, errWrite) {
			t.Errorf("writer failing after %d bytes: writeEntry = %v", n, err)
		}
	}
	if err := writeEntry(&failWriter{n: len(artifact) + cacheFooterLen}, artifact); err != nil {
		t.Errorf("writeEntry = %v with room for the whole entry", err)
	}
}

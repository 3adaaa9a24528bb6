package wasm

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"testing"
)

// encodeEntry returns the cache file of artifact, compiled from wasm.
func encodeEntry(artifact, wasm []byte) []byte {
	var buf bytes.Buffer
	if err := writeEntry(&buf, artifact, wasm); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// refooter returns entry with its checksum recomputed, as if the damage
// done to it had been written so.
func refooter(entry []byte) []byte {
	n := len(entry) - cacheFooterLen + 16
	binary.LittleEndian.PutUint32(entry[n:], crc32.Checksum(entry[:n], castagnoli))
	return entry
}

func TestCheckEntry(t *testing.T) {
	artifact := []byte("\x7fELF artifact")
	wasm := []byte("\x00asm\x01\x00\x00\x00 the module")
	good := encodeEntry(artifact, wasm)
	if len(good) != len(artifact)+len(wasm)+cacheFooterLen || !bytes.HasPrefix(good, artifact) {
		t.Fatalf("encodeEntry = %q: the artifact does not start the file", good)
	}
	if a, w, err := checkEntry(good); err != nil || !bytes.Equal(a, artifact) || !bytes.Equal(w, wasm) {
		t.Fatalf("checkEntry(good) = %q, %q, %v", a, w, err)
	}
	if a, _, err := checkEntry(good); err == nil && cap(a) != len(a) {
		t.Errorf("the artifact's capacity %d reaches past it", cap(a))
	}
	for _, in := range [][2][]byte{{nil, nil}, {artifact, nil}, {nil, wasm}} {
		if a, w, err := checkEntry(encodeEntry(in[0], in[1])); err != nil || !bytes.Equal(a, in[0]) || !bytes.Equal(w, in[1]) {
			t.Errorf("checkEntry(entry of %q, %q) = %q, %q, %v", in[0], in[1], a, w, err)
		}
	}
	flip := func(i int) []byte {
		e := bytes.Clone(good)
		e[i] ^= 1
		return e
	}
	foot := len(good) - cacheFooterLen
	// Lengths that still add up to the file, checksum recomputed: the
	// boundary moved, which the checksum over the lengths would catch
	// without the recomputation.
	moved := bytes.Clone(good)
	binary.LittleEndian.PutUint64(moved[foot:], uint64(len(artifact)+1))
	binary.LittleEndian.PutUint64(moved[foot+8:], uint64(len(wasm)-1))
	if a, w, err := checkEntry(refooter(bytes.Clone(moved))); err != nil || len(a) != len(artifact)+1 || len(w) != len(wasm)-1 {
		t.Errorf("checkEntry(moved boundary, new checksum) = %q, %q, %v", a, w, err)
	}
	huge := bytes.Clone(good)
	binary.LittleEndian.PutUint64(huge[foot:], 1<<63)
	binary.LittleEndian.PutUint64(huge[foot+8:], 1<<63+uint64(len(artifact)+len(wasm)))
	bad := map[string][]byte{
		"empty":            nil,
		"short":            good[len(good)-10:],
		"truncated":        good[:len(good)-1],
		"no artifact":      good[len(artifact)+1:],
		"longer":           append(bytes.Clone(good[:len(artifact)]), good...),
		"artifact bit":     flip(3),
		"wasm bit":         flip(len(artifact) + 2),
		"artifact length":  flip(foot),
		"wasm length":      flip(foot + 8),
		"checksum bit":     flip(foot + 16),
		"magic bit":        flip(len(good) - 1),
		"moved boundary":   moved,
		"overflowing sum":  refooter(huge),
		"wasm too long":    refooter(flip(foot + 9)),
		"old format":       append([]byte("MLCWASM2"), artifact...),
		"trailing garbage": append(bytes.Clone(good), 'x'),
	}
	for name, e := range bad {
		if _, _, err := checkEntry(e); err == nil {
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
	artifact, wasm := []byte("artifact"), []byte("wasm")
	for _, n := range []int{0, 3, len(artifact), len(artifact) + 2, len(artifact) + len(wasm) + 5} {
		if err := writeEntry(&failWriter{n: n}, artifact, wasm); !errors.Is(err, errWrite) {
			t.Errorf("writer failing after %d bytes: writeEntry = %v", n, err)
		}
	}
	if err := writeEntry(&failWriter{n: len(artifact) + len(wasm) + cacheFooterLen}, artifact, wasm); err != nil {
		t.Errorf("writeEntry = %v with room for the whole entry", err)
	}
}

package wasm

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestReadEntry(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "entry")
	want := bytes.Repeat([]byte("entry bytes "), 1000)
	if err := os.WriteFile(path, want, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := readEntry(path)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("readEntry read %d bytes, %v; want the file's %d", len(got), err, len(want))
	}
	// The bytes are a copy: changing the file does not change them.
	if err := os.WriteFile(path, []byte("replacement"), 0o600); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("the bytes read changed with the file")
	}
}

func TestReadEntryEdgeCases(t *testing.T) {
	dir := t.TempDir()
	if _, err := readEntry(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("readEntry(missing) = %v, want fs.ErrNotExist", err)
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := readEntry(empty)
	if err != nil || len(data) != 0 {
		t.Fatalf("readEntry(empty) = %d bytes, %v", len(data), err)
	}
	if _, _, err := checkEntry(data); err == nil {
		t.Error("an empty file passed checkEntry")
	}
	var ue *UnsafeEntryError
	if _, err := readEntry(dir); !errors.As(err, &ue) {
		t.Errorf("readEntry of a directory: %v, want *UnsafeEntryError", err)
	}
}

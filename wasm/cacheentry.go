package wasm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// A disk cache entry is Wasmtime's serialized module (an ELF file), the
// WebAssembly bytes it was compiled from, and a footer:
//
//	artifact | wasm | artifact length (8 bytes) | wasm length (8) | CRC-32C of all that precedes (4) | magic "MLCWASM4" (8)
//
// Numbers are little endian. The artifact comes first, so that the whole
// file is also an ELF image Wasmtime can read (it ignores the bytes after
// the sections); the reader hands it the artifact alone. The wasm bytes
// let a reader confirm that the entry belongs to exactly the bytes being
// loaded, since entry names derive from a cheap key that different bytes
// may share (cache.go). diskcache.go explains when the footer is checked.

// cacheMagic ends every cache file; bump its digit when the format
// changes. It is also part of every key, so that entries of an older format
// are never even opened.
const cacheMagic = "MLCWASM4"

// cacheFooterLen is the size of the footer after the artifact and the
// wasm bytes.
const cacheFooterLen = 8 + 8 + 4 + len(cacheMagic)

// castagnoli is the CRC-32C table (hardware-accelerated where the CPU has it).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checkEntry verifies a cache file's footer, lengths and checksum and
// returns the artifact and the wasm bytes it holds.
func checkEntry(data []byte) (artifact, wasm []byte, err error) {
	if len(data) < cacheFooterLen || string(data[len(data)-len(cacheMagic):]) != cacheMagic {
		return nil, nil, errors.New("bad footer")
	}
	body := uint64(len(data) - cacheFooterLen)
	foot := data[body:]
	na := binary.LittleEndian.Uint64(foot[0:8])
	nw := binary.LittleEndian.Uint64(foot[8:16])
	sum := binary.LittleEndian.Uint32(foot[16:20])
	if na > body || nw != body-na {
		return nil, nil, fmt.Errorf("%d bytes before the footer, footer says %d + %d", body, na, nw)
	}
	if crc32.Checksum(data[:body+16], castagnoli) != sum {
		return nil, nil, errors.New("checksum mismatch")
	}
	return data[:na:na], data[na:body:body], nil
}

// entryFooter returns the footer that follows artifact and wasm in their
// cache file.
func entryFooter(artifact, wasm []byte) []byte {
	foot := make([]byte, cacheFooterLen)
	binary.LittleEndian.PutUint64(foot[0:], uint64(len(artifact)))
	binary.LittleEndian.PutUint64(foot[8:], uint64(len(wasm)))
	sum := crc32.Update(0, castagnoli, artifact)
	sum = crc32.Update(sum, castagnoli, wasm)
	sum = crc32.Update(sum, castagnoli, foot[:16])
	binary.LittleEndian.PutUint32(foot[16:], sum)
	copy(foot[20:], cacheMagic)
	return foot
}

// writeEntry writes the cache file of artifact, compiled from wasm, to w,
// without copying either.
func writeEntry(w io.Writer, artifact, wasm []byte) error {
	for _, b := range [][]byte{artifact, wasm, entryFooter(artifact, wasm)} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

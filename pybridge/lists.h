/*
 * lists.h: Python lists across the bridge (lists.c), under the list ABI of
 * core/abi: a list is the i32 address of a 16-byte header
 * {len i32, cap i32, data i32, pad} whose elements are 8-byte slots, or
 * one-byte slots in a list[bool].
 *
 * One call with list arguments or a list result goes through an ml_lists:
 *
 *   ml_lists_plan    once per list argument: checks that it is a list (not
 *                    a subclass, not a tuple), walks nested lists, gives
 *                    every distinct Python list object one header in a
 *                    single block (so aliases in Python stay aliases in
 *                    WebAssembly) and sums the block's size;
 *   ml_lists_fill    after the caller allocated the block with __ml_alloc:
 *                    writes headers and slots, converting elements exactly
 *                    (int that fits i64, float, bool), and keeps a shadow
 *                    copy of the block;
 *   ml_lists_copy_back  after the call: every argument list whose header or
 *                    slots differ from the shadow is updated in place,
 *                    slot by slot, so unchanged elements keep their objects
 *                    and inner lists that came in go back as the same
 *                    Python objects;
 *   ml_lists_out     converts a list at an address into Python: a header
 *                    that came in as an argument is that argument object,
 *                    and a header met twice is one new list, as in Python.
 *
 * Type strings are the bridge letters of core/compiler.Signature: "I",
 * "F", "B", "S", or "L" followed by the element's list type ("LF"); "s"
 * is a str. Strings (str arguments and the elements of list[str]) go into
 * the same block as the lists, as immutable objects {nbytes, count, UTF-8
 * bytes} (core/abi): one object per distinct str, encoded with
 * "surrogatepass" so that every Python str crosses, and decoded the same
 * way on the way out; a str that comes back at the address it went in at
 * is the same Python object.
 */
#ifndef ML_LISTS_H
#define ML_LISTS_H

#include "bridge.h"

/* Outcome of converting an argument (also used for scalars by call.c).
 * Values other than ARG_ERROR come back without an exception set, so that
 * the caller may take the fallback instead. */
enum {
  ARG_OK = 0,
  ARG_ERROR = -1,   /* a Python exception is set */
  ARG_OVERFLOW = 1, /* an int does not fit */
  ARG_TYPE = 2,     /* a value of another type */
  ARG_MEMORY = 3,   /* the lists do not fit in 32-bit linear memory */
};

/* The list ABI (ML_LIST_HEADER, ML_LIST_SLOT, ML_BOOL_SLOT, ML_HEAP_BASE,
 * ML_STR_HEADER) comes from ml_abi.h, generated from core/abi. */

/* ml_slot_size is the size of the slots of a list of type: one byte for a
 * list[bool], eight otherwise (core/abi). */
static inline uint64_t ml_slot_size(const char *type) {
  return type[0] == 'B' ? ML_BOOL_SLOT : ML_LIST_SLOT;
}
#define ML_LIST_MAX_LEN (1 << 28)

/* An open-addressing map from nonzero keys to values. */
typedef struct {
  uintptr_t *keys;
  intptr_t *vals;
  size_t cap; /* a power of two, or 0 before first use */
  size_t n;
} ml_map;

/* One distinct Python list or str that goes in as (part of) an argument. */
typedef struct {
  PyObject *obj;    /* strong */
  const char *type; /* its letters: "I", "LF", ..., or "s" for a str */
  uint32_t off;     /* of its header in the block */
  uint32_t len;     /* number of elements at copy-in; bytes for a str */
  const char *u8;   /* a str's UTF-8 bytes (owned by obj or enc) */
  PyObject *enc;    /* strong: the bytes of a str that has surrogates */
  uint32_t count;   /* a str's number of code points */
} ml_lentry;

/* The state of one call. */
typedef struct {
  ml_lentry *e;
  int n, cap;
  ml_map objs;   /* PyObject* -> index in e */
  ml_map addrs;  /* header address -> PyObject* (borrowed from e or made) */
  PyObject **made; /* strong refs to lists built by ml_lists_out */
  int nmade, capmade;
  uint64_t total;  /* bytes of the block */
  uint32_t base;   /* address of the block, once filled */
  uint8_t *shadow; /* copy of the block as filled, PyMem */
  /* What made plan or fill fail (borrowed), for error messages. */
  PyObject *bad;
  char bad_letter; /* the letter expected; 'L' not a list, 'A' an alias
                      of another type */
  int bad_entry;   /* the entry whose element fill rejected */
} ml_lists;

/* ml_lists_init prepares L for one call; ml_lists_free releases it. */
void ml_lists_init(ml_lists *L);
void ml_lists_free(ml_lists *L);

/* ml_type_len returns the number of letters of the list type at type. */
int ml_type_len(const char *type);

/* ml_lists_plan adds obj, a list of type type, and the lists inside it. */
int ml_lists_plan(ml_lists *L, PyObject *obj, const char *type);

/* ml_lists_addr returns the header address obj got (0 if it has none). */
uint32_t ml_lists_addr(const ml_lists *L, PyObject *obj);

/*
 * ml_lists_fill writes the planned lists into mem (size bytes) at base,
 * where the caller allocated L->total bytes.
 */
int ml_lists_fill(ml_lists *L, uint8_t *mem, size_t size, uint32_t base);

/* ml_lists_copy_back updates the argument lists from mem; 0 or -1. */
int ml_lists_copy_back(ml_lists *L, const uint8_t *mem, size_t size);

/*
 * ml_lists_conflict looks for a list that both the call and someone else
 * changed: an argument list (or a list inside one) whose header or slots
 * the call changed in mem, and whose Python object no longer holds what
 * was copied in (another length, or an element of another value or type;
 * an inner list or a str must be the very object). Copying such a list
 * back would silently undo the other change. It returns the index of the
 * first such entry in L->e, -1 when there is none, or -2 with an exception
 * set. No Python code runs.
 */
int ml_lists_conflict(ml_lists *L, const uint8_t *mem, size_t size);

/* ml_lists_out returns the list of type type at addr, or the str at addr
 * for type "s" (new reference). */
PyObject *ml_lists_out(ml_lists *L, const uint8_t *mem, size_t size,
                       uint32_t addr, const char *type);

/* ml_list_type_name returns the Python spelling of a list type
 * ("list[int]") or of "s" ("str"). */
PyObject *ml_list_type_name(const char *type);

#endif /* ML_LISTS_H */

//go:build pyext

/*
 * lists.c: copying Python lists into WebAssembly memory and back (see
 * lists.h for the protocol). Every read of linear memory is bounds-checked
 * against the memory's current size: a corrupt header raises SystemError,
 * never reads outside the memory.
 */

#include "lists.h"

#include <stdio.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the list bridge assumes a little-endian host, like WebAssembly memory"
#endif

/* ------------------------------------------------------------------ map */

static size_t ml_map_slot(uintptr_t key, size_t cap) {
  uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ull;
  return (size_t)(h >> 32) & (cap - 1);
}

/* ml_map_get returns the value of key, or -1. */
static intptr_t ml_map_get(const ml_map *m, uintptr_t key) {
  if (m->cap == 0) {
    return -1;
  }
  for (size_t i = ml_map_slot(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
    if (m->keys[i] == key) {
      return m->vals[i];
    }
    if (m->keys[i] == 0) {
      return -1;
    }
  }
}

/* ml_map_put sets key (nonzero, absent) to val; -1 with MemoryError. */
static int ml_map_put(ml_map *m, uintptr_t key, intptr_t val) {
  if (2 * (m->n + 1) > m->cap) {
    size_t cap = m->cap ? 2 * m->cap : 16;
    uintptr_t *keys = PyMem_Calloc(cap, sizeof *keys);
    intptr_t *vals = PyMem_Malloc(cap * sizeof *vals);
    if (keys == NULL || vals == NULL) {
      PyMem_Free(keys);
      PyMem_Free(vals);
      PyErr_NoMemory();
      return -1;
    }
    for (size_t j = 0; j < m->cap; j++) {
      if (m->keys[j] != 0) {
        size_t i = ml_map_slot(m->keys[j], cap);
        while (keys[i] != 0) {
          i = (i + 1) & (cap - 1);
        }
        keys[i] = m->keys[j];
        vals[i] = m->vals[j];
      }
    }
    PyMem_Free(m->keys);
    PyMem_Free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
  }
  size_t i = ml_map_slot(key, m->cap);
  while (m->keys[i] != 0) {
    i = (i + 1) & (m->cap - 1);
  }
  m->keys[i] = key;
  m->vals[i] = val;
  m->n++;
  return 0;
}

static void ml_map_free(ml_map *m) {
  PyMem_Free(m->keys);
  PyMem_Free(m->vals);
  memset(m, 0, sizeof *m);
}

/* --------------------------------------------------------------- state */

void ml_lists_init(ml_lists *L) { memset(L, 0, sizeof *L); }

void ml_lists_free(ml_lists *L) {
  for (int i = 0; i < L->n; i++) {
    Py_DECREF(L->e[i].obj);
    Py_XDECREF(L->e[i].enc);
  }
  for (int i = 0; i < L->nmade; i++) {
    Py_DECREF(L->made[i]);
  }
  PyMem_Free(L->e);
  PyMem_Free(L->made);
  PyMem_Free(L->shadow);
  ml_map_free(&L->objs);
  ml_map_free(&L->addrs);
  memset(L, 0, sizeof *L);
}

int ml_type_len(const char *type) {
  int n = 0;
  while (type[n] == 'L') {
    n++;
  }
  return n + 1;
}

static int ml_same_type(const char *a, const char *b) {
  int n = ml_type_len(a);
  return n == ml_type_len(b) && memcmp(a, b, (size_t)n) == 0;
}

PyObject *ml_list_type_name(const char *type) {
  if (type[0] == 's') {
    return PyUnicode_FromString("str");
  }
  int depth = ml_type_len(type);
  const char *elem = type[depth - 1] == 'I'   ? "int"
                     : type[depth - 1] == 'F' ? "float"
                     : type[depth - 1] == 'S' ? "str"
                                              : "bool";
  char buf[256];
  int k = 0;
  for (int i = 0; i < depth && k < 200; i++) {
    memcpy(buf + k, "list[", 5);
    k += 5;
  }
  k += snprintf(buf + k, sizeof buf - (size_t)k, "%s", elem);
  for (int i = 0; i < depth && k < (int)sizeof buf - 1; i++) {
    buf[k++] = ']';
  }
  return PyUnicode_FromStringAndSize(buf, k);
}

/* ---------------------------------------------------------------- plan */

/* ml_add_entry appends an entry for obj (absent from L) at the next
 * 8-aligned offset, taking size bytes; its index, or -1 (ARG_ERROR or
 * ARG_MEMORY in *rc). */
static int ml_add_entry(ml_lists *L, PyObject *obj, const char *type,
                        uint64_t size, int *rc) {
  uint64_t off = (L->total + 7) & ~(uint64_t)7;
  uint64_t end = off + size;
  if (end > UINT32_MAX) {
    *rc = ARG_MEMORY;
    return -1;
  }
  if (L->n == L->cap) {
    int cap = L->cap ? 2 * L->cap : 8;
    ml_lentry *e = PyMem_Realloc(L->e, (size_t)cap * sizeof *e);
    if (e == NULL) {
      PyErr_NoMemory();
      *rc = ARG_ERROR;
      return -1;
    }
    L->e = e;
    L->cap = cap;
  }
  int idx = L->n;
  if (ml_map_put(&L->objs, (uintptr_t)obj, idx) < 0) {
    *rc = ARG_ERROR;
    return -1;
  }
  Py_INCREF(obj);
  memset(&L->e[idx], 0, sizeof L->e[idx]);
  L->e[idx].obj = obj;
  L->e[idx].type = type;
  L->e[idx].off = (uint32_t)off;
  L->n++;
  L->total = end;
  return idx;
}

/* ml_plan_str adds the str obj: its UTF-8 (or, when it holds lone
 * surrogates, its "surrogatepass" encoding) goes into the block. */
static int ml_plan_str(ml_lists *L, PyObject *obj) {
  if (!PyUnicode_CheckExact(obj)) {
    L->bad = obj;
    L->bad_letter = 's';
    return ARG_TYPE;
  }
  if (ml_map_get(&L->objs, (uintptr_t)obj) >= 0) {
    return ARG_OK; /* the same str again: one object */
  }
  Py_ssize_t count = PyUnicode_GetLength(obj);
  if (count < 0) {
    return ARG_ERROR;
  }
  if (count > ML_LIST_MAX_LEN) {
    return ARG_MEMORY;
  }
  Py_ssize_t n;
  PyObject *enc = NULL;
  const char *u8 = PyUnicode_AsUTF8AndSize(obj, &n);
  if (u8 == NULL) {
    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
      return ARG_ERROR;
    }
    PyErr_Clear();
    enc = PyUnicode_AsEncodedString(obj, "utf-8", "surrogatepass");
    if (enc == NULL) {
      return ARG_ERROR;
    }
    u8 = PyBytes_AsString(enc);
    n = PyBytes_Size(enc);
    if (u8 == NULL || n < 0) {
      Py_DECREF(enc);
      return ARG_ERROR;
    }
  }
  int rc = ARG_OK;
  int idx = ml_add_entry(L, obj, "s", ML_STR_HEADER + (uint64_t)n, &rc);
  if (idx < 0) {
    Py_XDECREF(enc);
    return rc;
  }
  L->e[idx].len = (uint32_t)n;
  L->e[idx].u8 = u8;
  L->e[idx].enc = enc;
  L->e[idx].count = (uint32_t)count;
  return ARG_OK;
}

int ml_lists_plan(ml_lists *L, PyObject *obj, const char *type) {
  if (type[0] == 's') {
    return ml_plan_str(L, obj);
  }
  if (!PyList_CheckExact(obj)) {
    L->bad = obj;
    L->bad_letter = 'L';
    return ARG_TYPE;
  }
  intptr_t seen = ml_map_get(&L->objs, (uintptr_t)obj);
  if (seen >= 0) {
    /* The same list again (an alias): one header, if the types agree. */
    if (ml_same_type(L->e[seen].type, type)) {
      return ARG_OK;
    }
    L->bad = obj;
    L->bad_letter = 'A';
    return ARG_TYPE;
  }
  Py_ssize_t len = PyList_Size(obj);
  if (len < 0) {
    return ARG_ERROR;
  }
  if (len > ML_LIST_MAX_LEN) {
    return ARG_MEMORY;
  }
  int rc = ARG_OK;
  int idx = ml_add_entry(L, obj, type, ML_LIST_HEADER + (uint64_t)len * ml_slot_size(type), &rc);
  if (idx < 0) {
    return rc;
  }
  L->e[idx].len = (uint32_t)len;
  if (type[0] != 'L' && type[0] != 'S') {
    return ARG_OK;
  }
  /* the elements: lists of type type + 1, or strs */
  const char *inner = type[0] == 'L' ? type + 1 : "s";
  for (Py_ssize_t k = 0; k < len; k++) {
    PyObject *item = PyList_GetItem(obj, k);
    if (item == NULL) {
      return ARG_ERROR;
    }
    rc = ml_lists_plan(L, item, inner);
    if (rc != ARG_OK) {
      return rc;
    }
  }
  return ARG_OK;
}

uint32_t ml_lists_addr(const ml_lists *L, PyObject *obj) {
  intptr_t i = ml_map_get(&L->objs, (uintptr_t)obj);
  return i < 0 ? 0 : L->base + L->e[i].off;
}

/* ---------------------------------------------------------------- fill */

static inline void ml_put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static inline void ml_put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }
static inline uint32_t ml_get32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}
static inline uint64_t ml_get64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

/* CPython's list and float objects (the same from 3.8 to 3.13), which
 * the limited API does not declare: the fill reads a list's item array
 * and a float's value in place, instead of calling PyList_GetItem and
 * PyFloat_AsDouble for each element (a list[float] of 10**5 elements went
 * in in 0.48 ms, about as long as CPython's whole sum() of it takes twice
 * over). ml_fast_lists checks the layouts once, against the API, on a
 * CPython whose layouts the extension knows (ml_known_layout). */
typedef struct {
  PyVarObject ob_base;
  PyObject **ob_item;
  Py_ssize_t allocated;
} ml_list_obj;

typedef struct {
  PyObject ob_base;
  double ob_fval;
} ml_float_obj;

__attribute__((visibility("hidden"))) int ml_known_layout(void);

/* Small ints (one 30-bit digit, the ints lists mostly hold) are read in
 * place too. Their layout differs by version: up to 3.11 the sign and
 * digit count are the object's ob_size (0 for 0, -1 or 1 for one digit),
 * from 3.12 a tag word after the header, whose low two bits are the sign
 * (0 positive, 1 zero, 2 negative) and whose bits from 3 the digit count.
 * Any other int goes through PyLong_AsLongLongAndOverflow.
 * ml_small_int_layout is 0 (unknown: the API), 11 or 12. */
typedef struct {
  PyVarObject ob_base;
  uint32_t digit[1];
} ml_long_old;

typedef struct {
  PyObject ob_base;
  uintptr_t tag;
  uint32_t digit[1];
} ml_long_new;

static int ml_small_int_layout;

/* ml_small_int reads the int item in place into *v when it is a small
 * one of the known layout; it returns 0 otherwise. */
static inline int ml_small_int(PyObject *item, long long *v) {
  if (ml_small_int_layout == 11) {
    Py_ssize_t size = ((ml_long_old *)item)->ob_base.ob_size;
    if (size < -1 || size > 1) {
      return 0;
    }
    *v = size * (long long)((ml_long_old *)item)->digit[0];
    return 1;
  }
  if (ml_small_int_layout == 12) {
    uintptr_t tag = ((ml_long_new *)item)->tag;
    if (tag >= (2 << 3)) {
      return 0; /* two digits or more */
    }
    *v = (1 - (long long)(tag & 3)) * (long long)((ml_long_new *)item)->digit[0];
    return 1;
  }
  return 0;
}

/* ml_check_small_ints sets ml_small_int_layout to the layout that reads
 * sample ints (and turns two-digit ones down) as the API does, for the
 * running CPython's version. */
static void ml_check_small_ints(void) {
  static const long long small[] = {0, 1, -1, 7, -9, (1 << 30) - 1, -((1 << 30) - 1)};
  static const long long big[] = {1LL << 30, -(1LL << 30), 1LL << 40, -(1LL << 62)};
  int major = 0, minor = 0;
  if (!ml_known_layout() || sscanf(Py_GetVersion(), "%d.%d", &major, &minor) != 2) {
    return;
  }
  ml_small_int_layout = minor >= 12 ? 12 : 11;
  for (size_t i = 0; i < sizeof small / sizeof small[0] + sizeof big / sizeof big[0]; i++) {
    int is_small = i < sizeof small / sizeof small[0];
    long long want = is_small ? small[i] : big[i - sizeof small / sizeof small[0]], got = 0;
    PyObject *o = PyLong_FromLongLong(want);
    int ok = o != NULL && ml_small_int(o, &got) == is_small && (!is_small || got == want);
    Py_XDECREF(o);
    if (!ok) {
      ml_small_int_layout = 0;
      PyErr_Clear();
      return;
    }
  }
}

/* ml_fast_lists reports whether lists and floats have the layouts above
 * (and checks the small ints' once). */
static int ml_fast_lists(void) {
  static int ok = -1;
  if (ok < 0) {
    ok = 0;
    PyObject *f = ml_known_layout() ? PyFloat_FromDouble(-2.5) : NULL;
    PyObject *l = f != NULL ? PyList_New(1) : NULL;
    if (l != NULL) {
      Py_INCREF(f);
      PyList_SetItem(l, 0, f); /* steals the new reference */
      ok = ((ml_list_obj *)l)->ob_item[0] == f && ((ml_float_obj *)f)->ob_fval == -2.5 &&
           PyList_GetItem(l, 0) == f;
    }
    Py_XDECREF(l);
    Py_XDECREF(f);
    PyErr_Clear();
    if (ok) {
      ml_check_small_ints();
    }
  }
  return ok;
}

/* ml_get_slot reads slot k of data, of a list of type, as bits. */
static inline uint64_t ml_get_slot(const uint8_t *data, uint64_t k,
                                   const char *type) {
  return type[0] == 'B' ? data[k] : ml_get64(data + k * ML_LIST_SLOT);
}

/* ml_scalar_in converts one element for letter c into *bits. */
static int ml_scalar_in(ml_lists *L, char c, PyObject *item, uint64_t *bits) {
  switch (c) {
  case 'I': {
    if (!PyLong_CheckExact(item)) {
      break;
    }
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(item, &overflow);
    if (overflow != 0) {
      L->bad = item;
      L->bad_letter = c;
      return ARG_OVERFLOW;
    }
    if (v == -1 && PyErr_Occurred()) {
      return ARG_ERROR;
    }
    *bits = (uint64_t)v;
    return ARG_OK;
  }
  case 'F': {
    if (!PyFloat_CheckExact(item)) {
      break;
    }
    double d = PyFloat_AsDouble(item);
    memcpy(bits, &d, 8);
    return ARG_OK;
  }
  case 'B':
    if (item == Py_True || item == Py_False) {
      *bits = item == Py_True;
      return ARG_OK;
    }
    break;
  }
  L->bad = item;
  L->bad_letter = c;
  return ARG_TYPE;
}

int ml_lists_fill(ml_lists *L, uint8_t *mem, size_t size, uint32_t base) {
  if ((uint64_t)base + L->total > size) {
    PyErr_SetString(PyExc_SystemError, "__ml_alloc returned memory out of bounds");
    return ARG_ERROR;
  }
  L->base = base;
  for (int i = 0; i < L->n; i++) {
    ml_lentry *e = &L->e[i];
    uint32_t hdr = base + e->off;
    uint8_t *p = mem + hdr;
    if (e->type[0] == 's') {
      ml_put32(p, e->len);
      ml_put32(p + 4, e->count);
      memcpy(p + ML_STR_HEADER, e->u8, e->len);
      if (ml_map_put(&L->addrs, hdr, (intptr_t)e->obj) < 0) {
        return ARG_ERROR;
      }
      continue;
    }
    if (PyList_Size(e->obj) != (Py_ssize_t)e->len) {
      /* Nothing runs Python code between plan and fill; be safe anyway. */
      PyErr_SetString(PyExc_RuntimeError, "a list argument changed size during the call");
      return ARG_ERROR;
    }
    ml_put32(p, e->len);
    ml_put32(p + 4, e->len);
    ml_put32(p + 8, hdr + ML_LIST_HEADER);
    ml_put32(p + 12, 0);
    uint8_t *slot = p + ML_LIST_HEADER;
    char c = e->type[0];
    uint64_t step = ml_slot_size(e->type);
    /* nothing below runs Python code, so the items stay put */
    PyObject **items = ml_fast_lists() ? ((ml_list_obj *)e->obj)->ob_item : NULL;
    for (uint32_t k = 0; k < e->len; k++, slot += step) {
      PyObject *item = items != NULL ? items[k] : PyList_GetItem(e->obj, (Py_ssize_t)k);
      if (item == NULL) {
        return ARG_ERROR;
      }
      uint64_t bits;
      long long small;
      if (c == 'F' && items != NULL && Py_IS_TYPE(item, &PyFloat_Type)) {
        memcpy(&bits, &((ml_float_obj *)item)->ob_fval, 8);
      } else if (c == 'I' && items != NULL && Py_IS_TYPE(item, &PyLong_Type) && ml_small_int(item, &small)) {
        bits = (uint64_t)small;
      } else if (c == 'L' || c == 'S') {
        bits = ml_lists_addr(L, item);
      } else {
        int rc = ml_scalar_in(L, c, item, &bits);
        if (rc != ARG_OK) {
          L->bad_entry = i;
          return rc;
        }
      }
      if (c == 'B') {
        *slot = (uint8_t)bits;
      } else {
        ml_put64(slot, bits);
      }
    }
    if (ml_map_put(&L->addrs, hdr, (intptr_t)e->obj) < 0) {
      return ARG_ERROR;
    }
  }
  if (L->total > 0) {
    L->shadow = PyMem_Malloc((size_t)L->total);
    if (L->shadow == NULL) {
      PyErr_NoMemory();
      return ARG_ERROR;
    }
    memcpy(L->shadow, mem + base, (size_t)L->total);
  }
  return ARG_OK;
}

/* ----------------------------------------------------------------- out */

static void ml_bad_header(uint32_t addr) {
  PyErr_Format(PyExc_SystemError,
               "WebAssembly returned a list header out of bounds (address %u)",
               (unsigned)addr);
}

/* ml_header reads the header at addr of a list of type: its len and the
 * address of its slots, all within the memory; -1 with SystemError
 * otherwise. */
static int ml_header(const uint8_t *mem, size_t size, uint32_t addr,
                     const char *type, uint32_t *len, uint32_t *data) {
  if (addr < ML_HEAP_BASE || (uint64_t)addr + ML_LIST_HEADER > size) {
    ml_bad_header(addr);
    return -1;
  }
  *len = ml_get32(mem + addr);
  *data = ml_get32(mem + addr + 8);
  if ((uint64_t)*data + (uint64_t)*len * ml_slot_size(type) > size) {
    ml_bad_header(addr);
    return -1;
  }
  return 0;
}

/* ml_str_out returns the str at addr: the argument object that went in
 * there, or a new str decoded from the object's bytes. */
static PyObject *ml_str_out(ml_lists *L, const uint8_t *mem, size_t size,
                            uint32_t addr) {
  intptr_t known = ml_map_get(&L->addrs, addr);
  if (known != -1 && PyUnicode_CheckExact((PyObject *)known)) {
    PyObject *o = (PyObject *)known;
    Py_INCREF(o);
    return o;
  }
  if (addr < ML_HEAP_BASE || (uint64_t)addr + ML_STR_HEADER > size) {
    goto bad;
  }
  uint32_t n = ml_get32(mem + addr);
  if ((uint64_t)addr + ML_STR_HEADER + n > size) {
    goto bad;
  }
  return PyUnicode_DecodeUTF8((const char *)mem + addr + ML_STR_HEADER,
                              (Py_ssize_t)n, "surrogatepass");
bad:
  PyErr_Format(PyExc_SystemError,
               "WebAssembly returned a string out of bounds (address %u)",
               (unsigned)addr);
  return NULL;
}

/* ml_elem_out converts the slot bits of an element of a list of type. */
static PyObject *ml_elem_out(ml_lists *L, const uint8_t *mem, size_t size,
                             uint64_t bits, const char *type) {
  switch (type[0]) {
  case 'I':
    return PyLong_FromLongLong((long long)bits);
  case 'F': {
    double d;
    memcpy(&d, &bits, 8);
    return PyFloat_FromDouble(d);
  }
  case 'B':
    return PyBool_FromLong(bits != 0);
  case 'S':
    if (bits > UINT32_MAX) {
      ml_bad_header(UINT32_MAX);
      return NULL;
    }
    return ml_str_out(L, mem, size, (uint32_t)bits);
  case 'L':
    if (bits > UINT32_MAX) {
      ml_bad_header(UINT32_MAX);
      return NULL;
    }
    return ml_lists_out(L, mem, size, (uint32_t)bits, type + 1);
  }
  PyErr_SetString(PyExc_SystemError, "bad list type letter");
  return NULL;
}

PyObject *ml_lists_out(ml_lists *L, const uint8_t *mem, size_t size,
                       uint32_t addr, const char *type) {
  if (type[0] == 's') {
    return ml_str_out(L, mem, size, addr);
  }
  intptr_t known = ml_map_get(&L->addrs, addr);
  if (known != -1) {
    PyObject *o = (PyObject *)known;
    Py_INCREF(o);
    return o;
  }
  uint32_t len, data;
  if (ml_header(mem, size, addr, type, &len, &data) < 0) {
    return NULL;
  }
  PyObject *list = PyList_New((Py_ssize_t)len);
  if (list == NULL) {
    return NULL;
  }
  /* Remember it before the elements: a header met again is this object. */
  if (L->nmade == L->capmade) {
    int cap = L->capmade ? 2 * L->capmade : 8;
    PyObject **made = PyMem_Realloc(L->made, (size_t)cap * sizeof *made);
    if (made == NULL) {
      Py_DECREF(list);
      return PyErr_NoMemory();
    }
    L->made = made;
    L->capmade = cap;
  }
  if (ml_map_put(&L->addrs, addr, (intptr_t)list) < 0) {
    Py_DECREF(list);
    return NULL;
  }
  Py_INCREF(list);
  L->made[L->nmade++] = list;
  for (uint32_t k = 0; k < len; k++) {
    PyObject *v = ml_elem_out(L, mem, size, ml_get_slot(mem + data, k, type), type);
    if (v == NULL) {
      Py_DECREF(list);
      return NULL;
    }
    PyList_SetItem(list, (Py_ssize_t)k, v);
  }
  return list;
}

/* ----------------------------------------------------------- copy back */

/* ml_copy_back_one brings entry e's Python list up to date with its header. */
static int ml_copy_back_one(ml_lists *L, ml_lentry *e, const uint8_t *mem,
                            size_t size) {
  uint32_t hdr = L->base + e->off;
  uint32_t len, data;
  if (ml_header(mem, size, hdr, e->type, &len, &data) < 0) {
    return -1;
  }
  const uint8_t *old = L->shadow + e->off + ML_LIST_HEADER;
  if (len == e->len &&
      memcmp(mem + data, old, (size_t)(len * ml_slot_size(e->type))) == 0) {
    return 0; /* untouched */
  }
  Py_ssize_t cur = PyList_Size(e->obj);
  if (cur < 0) {
    return -1;
  }
  Py_ssize_t common = cur < (Py_ssize_t)len ? cur : (Py_ssize_t)len;
  if (common > (Py_ssize_t)e->len) {
    common = (Py_ssize_t)e->len; /* slots past the old length have no shadow */
  }
  for (Py_ssize_t k = 0; k < common; k++) {
    uint64_t bits = ml_get_slot(mem + data, (uint64_t)k, e->type);
    if (bits == ml_get_slot(old, (uint64_t)k, e->type)) {
      continue;
    }
    PyObject *v = ml_elem_out(L, mem, size, bits, e->type);
    if (v == NULL || PyList_SetItem(e->obj, k, v) < 0) {
      return -1;
    }
  }
  /* Elements past the shadow's length, up to the list's current length. */
  Py_ssize_t upto = cur < (Py_ssize_t)len ? cur : (Py_ssize_t)len;
  for (Py_ssize_t k = common; k < upto; k++) {
    PyObject *v = ml_elem_out(L, mem, size, ml_get_slot(mem + data, (uint64_t)k, e->type), e->type);
    if (v == NULL || PyList_SetItem(e->obj, k, v) < 0) {
      return -1;
    }
  }
  if ((Py_ssize_t)len < cur) {
    return PyList_SetSlice(e->obj, (Py_ssize_t)len, cur, NULL);
  }
  for (Py_ssize_t k = cur; k < (Py_ssize_t)len; k++) {
    PyObject *v = ml_elem_out(L, mem, size, ml_get_slot(mem + data, (uint64_t)k, e->type), e->type);
    if (v == NULL) {
      return -1;
    }
    int rc = PyList_Append(e->obj, v);
    Py_DECREF(v);
    if (rc < 0) {
      return -1;
    }
  }
  return 0;
}

/* ml_entry_written reports whether the call changed entry e's header
 * length or slots (1), left them as filled (0), or left a bad header (-1,
 * SystemError). */
static int ml_entry_written(ml_lists *L, ml_lentry *e, const uint8_t *mem,
                            size_t size) {
  uint32_t len, data;
  if (ml_header(mem, size, L->base + e->off, e->type, &len, &data) < 0) {
    return -1;
  }
  const uint8_t *old = L->shadow + e->off + ML_LIST_HEADER;
  return len != e->len ||
         memcmp(mem + data, old, (size_t)(len * ml_slot_size(e->type))) != 0;
}

/* ml_entry_intact reports whether e's Python list still holds exactly
 * what was copied in: its length, and in each slot the same value (an int
 * or a float of the same bits, the same bool) or the same object (an
 * inner list or a str of the call). */
static int ml_entry_intact(ml_lists *L, ml_lentry *e) {
  if (PyList_Size(e->obj) != (Py_ssize_t)e->len) {
    PyErr_Clear();
    return 0;
  }
  const uint8_t *old = L->shadow + e->off + ML_LIST_HEADER;
  char c = e->type[0];
  for (uint32_t k = 0; k < e->len; k++) {
    PyObject *item = PyList_GetItem(e->obj, (Py_ssize_t)k);
    if (item == NULL) {
      PyErr_Clear();
      return 0;
    }
    uint64_t want = ml_get_slot(old, k, e->type), got;
    switch (c) {
    case 'I': {
      if (!PyLong_CheckExact(item)) {
        return 0;
      }
      int overflow = 0;
      long long v = PyLong_AsLongLongAndOverflow(item, &overflow);
      if (overflow != 0 || (v == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return 0;
      }
      got = (uint64_t)v;
      break;
    }
    case 'F': {
      if (!PyFloat_CheckExact(item)) {
        return 0;
      }
      double d = PyFloat_AsDouble(item);
      memcpy(&got, &d, 8);
      break;
    }
    case 'B':
      got = item == Py_True ? 1 : item == Py_False ? 0 : 2;
      break;
    default: /* 'L', 'S': the header or str the call got for this object */
      got = ml_lists_addr(L, item);
    }
    if (got != want) {
      return 0;
    }
  }
  return 1;
}

int ml_lists_conflict(ml_lists *L, const uint8_t *mem, size_t size) {
  for (int i = 0; i < L->n; i++) {
    ml_lentry *e = &L->e[i];
    if (e->type[0] == 's') {
      continue; /* strings are immutable */
    }
    int w = ml_entry_written(L, e, mem, size);
    if (w < 0) {
      return -2;
    }
    if (w && !ml_entry_intact(L, e)) {
      return i;
    }
  }
  return -1;
}

int ml_lists_copy_back(ml_lists *L, const uint8_t *mem, size_t size) {
  for (int i = 0; i < L->n; i++) {
    if (L->e[i].type[0] == 's') {
      continue; /* strings are immutable */
    }
    if (ml_copy_back_one(L, &L->e[i], mem, size) < 0) {
      return -1;
    }
  }
  return 0;
}

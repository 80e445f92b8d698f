/* dpo-xlsx-verify.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "dpo-xlsx-private.h"

/* Reads a finished workbook back before it is renamed into place: every
 * part must inflate to its recorded size, every XML part must
 * end by closing its root element, and each sheet must hold all the bytes
 * of rows that were written for it.
 *
 * Why: libxlsxwriter 1.1.4 assembles each sheet in a temporary file and
 * ignores write errors there. When the disk fills up during that step,
 * chunks of rows are dropped (later, smaller writes may still fit), and
 * once the temporary file is deleted there is room again for the zip:
 * workbook_close() then reports success for a workbook that Excel cannot
 * open. Seen here on a small tmpfs. Reading back costs a fraction of
 * writing: inflating is fast.
 *
 * Only what libxlsxwriter writes is understood: a plain zip (no zip64, no
 * encryption), parts stored or deflated. */

#define EOCD_SIGNATURE     0x06054b50
#define CENTRAL_SIGNATURE  0x02014b50
#define LOCAL_SIGNATURE    0x04034b50
#define EOCD_SIZE          22
#define CENTRAL_SIZE       46
#define LOCAL_SIZE         30
#define CHUNK              (64 * 1024)
/* Enough for a sheet's start up to <sheetData> (columns, panes), and for
 * its end from </sheetData> (autofilter, margins). */
#define HEAD_SIZE          (16 * 1024)
#define TAIL_SIZE          (4 * 1024)
#define SHEET_DATA         "<sheetData>"
#define SHEET_DATA_END     "</sheetData>"

typedef struct
{
  guint32 compressed;
  guint32 size;
  guint32 offset;
  guint16 method;
  char    name[256];
} Part;

typedef struct
{
  guint8  in[CHUNK];
  guint8  inflated[CHUNK];
} Buffers;

typedef struct
{
  char    head[HEAD_SIZE];
  gsize   head_len;
  char    tail[TAIL_SIZE];
  gsize   tail_len;
  guint64 total;
} Output;

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static gboolean
read_at (FILE   *file,
         gint64  offset,
         void   *buffer,
         gsize   size)
{
  return fseeko (file, offset, SEEK_SET) == 0 && fread (buffer, 1, size, file) == size;
}

/* The end-of-central-directory record: where the parts are listed. */
static gboolean
find_directory (FILE    *file,
                guint32 *offset,
                guint16 *count)
{
  guint8 buffer[EOCD_SIZE + 0xffff];
  gint64 size, start;
  gsize length;

  if (fseeko (file, 0, SEEK_END) != 0 || (size = ftello (file)) < EOCD_SIZE)
    return FALSE;
  start = MAX (0, size - (gint64) sizeof buffer);
  length = size - start;
  if (!read_at (file, start, buffer, length))
    return FALSE;

  for (gsize i = length - EOCD_SIZE + 1; i-- > 0;)
    {
      if (le32 (buffer + i) != EOCD_SIGNATURE)
        continue;
      *count = le16 (buffer + i + 10);
      *offset = le32 (buffer + i + 16);
      return *offset != 0xffffffff && *count != 0xffff;
    }
  return FALSE;
}

static void
collect (Output       *out,
         const guint8 *data,
         gsize         length)
{
  gsize keep;

  out->total += length;

  keep = MIN (length, HEAD_SIZE - out->head_len);
  memcpy (out->head + out->head_len, data, keep);
  out->head_len += keep;

  if (length >= TAIL_SIZE)
    {
      memcpy (out->tail, data + length - TAIL_SIZE, TAIL_SIZE);
      out->tail_len = TAIL_SIZE;
      return;
    }
  keep = MIN (out->tail_len, TAIL_SIZE - length);
  memmove (out->tail, out->tail + out->tail_len - keep, keep);
  memcpy (out->tail + keep, data, length);
  out->tail_len = keep + length;
}

/* Inflates (or copies) a part's data, which starts at the file's position. */
static gboolean
read_part_data (FILE       *file,
                const Part *part,
                Buffers    *buffers,
                Output     *out)
{
  guint8 *in = buffers->in, *buffer = buffers->inflated;
  z_stream z = { 0 };
  guint32 left = part->compressed;
  int rc = Z_OK;

  if (part->method == 0)
    {
      while (left > 0)
        {
          gsize n = fread (in, 1, MIN (left, CHUNK), file);

          if (n == 0)
            return FALSE;
          collect (out, in, n);
          left -= n;
        }
      return TRUE;
    }
  if (part->method != Z_DEFLATED || inflateInit2 (&z, -MAX_WBITS) != Z_OK)
    return FALSE;

  /* As zlib's own example, zpipe.c: Z_BUF_ERROR only asks for more input. */
  while (rc != Z_STREAM_END && left > 0)
    {
      z.avail_in = fread (in, 1, MIN (left, CHUNK), file);
      z.next_in = in;
      if (z.avail_in == 0)
        break;
      left -= z.avail_in;
      do
        {
          z.next_out = buffer;
          z.avail_out = CHUNK;
          rc = inflate (&z, Z_NO_FLUSH);
          if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            break;
          collect (out, buffer, CHUNK - z.avail_out);
        }
      while (z.avail_out == 0 && rc != Z_STREAM_END);
      if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
        break;
    }
  inflateEnd (&z);
  return rc == Z_STREAM_END;
}

/* "<?xml …?><worksheet …>…</worksheet>": the root's name from the head,
 * its end tag at the tail. */
static gboolean
closes_its_root (const Output *out)
{
  g_autofree char *head = g_strndup (out->head, out->head_len);
  g_autofree char *tail = g_strndup (out->tail, out->tail_len);
  g_autofree char *end_tag = NULL;
  const char *p = head, *start_end;
  gsize name_len;

  if (g_str_has_prefix (p, "<?xml") && (p = strstr (p, "?>")) != NULL)
    p += 2;
  while (p != NULL && g_ascii_isspace (*p))
    p++;
  if (p == NULL || *p != '<')
    return FALSE;
  p++;
  name_len = strcspn (p, " \t\r\n/>");
  if (name_len == 0 || p[name_len] == '\0')
    return FALSE;

  g_strchomp (tail);
  /* A root that closes itself ("<Relationships/>") is the whole document. */
  start_end = strchr (p, '>');
  if (start_end != NULL && start_end[-1] == '/')
    return g_str_has_suffix (tail, "/>");
  end_tag = g_strdup_printf ("</%.*s>", (int) name_len, p);
  return g_str_has_suffix (tail, end_tag);
}

/* The bytes between <sheetData> and </sheetData>. */
static gboolean
measure_sheet_data (const Output *out,
                    guint64      *size)
{
  const char *start = g_strstr_len (out->head, out->head_len, SHEET_DATA);
  const char *tail_end = out->tail + out->tail_len;
  const char *end = NULL;
  guint64 from, to;

  /* The last one: text in cells has its "<" escaped, but be sure. */
  for (const char *p = out->tail; (p = g_strstr_len (p, tail_end - p, SHEET_DATA_END)) != NULL; p++)
    end = p;
  if (start == NULL || end == NULL)
    return FALSE;

  from = (start - out->head) + strlen (SHEET_DATA);
  to = out->total - (out->tail + out->tail_len - end);
  if (to < from)
    return FALSE;
  *size = to - from;
  return TRUE;
}

/* "xl/worksheets/sheet3.xml" is the worksheet of index 2. */
static guint64
expected_sheet_data (const Part *part,
                     GArray     *data_sizes)
{
  guint64 n = 0;
  char *end = NULL;

  if (!g_str_has_prefix (part->name, "xl/worksheets/sheet"))
    return G_MAXUINT64;
  n = g_ascii_strtoull (part->name + strlen ("xl/worksheets/sheet"), &end, 10);
  if (n == 0 || n > data_sizes->len || g_strcmp0 (end, ".xml") != 0)
    return G_MAXUINT64;
  return g_array_index (data_sizes, guint64, n - 1);
}

/* What a part inflated to: its size, its rows, its end. */
static gboolean
check_output (const Part   *part,
              GArray       *data_sizes,
              const Output *out)
{
  guint64 expected = expected_sheet_data (part, data_sizes), found = 0;

  /* No checksum: minizip computed it from these same bytes. Their number,
   * and the rows among them, are what a failed temporary write changes. */
  if (out->total != part->size)
    return FALSE;
  if (expected != G_MAXUINT64 && (!measure_sheet_data (out, &found) || found != expected))
    return FALSE;
  if (!g_str_has_suffix (part->name, ".xml") && !g_str_has_suffix (part->name, ".rels"))
    return TRUE;
  return closes_its_root (out);
}

static gboolean
check_part (FILE       *file,
            const Part *part,
            GArray     *data_sizes,
            Buffers    *buffers)
{
  guint8 local[LOCAL_SIZE];
  g_autofree Output *out = g_new0 (Output, 1);

  if (!read_at (file, part->offset, local, LOCAL_SIZE) || le32 (local) != LOCAL_SIGNATURE ||
      fseeko (file, part->offset + LOCAL_SIZE + le16 (local + 26) + le16 (local + 28), SEEK_SET) != 0 ||
      !read_part_data (file, part, buffers, out))
    return FALSE;

  return check_output (part, data_sizes, out);
}

static gboolean
read_part_entry (FILE   *file,
                 gint64 *position,
                 Part   *part)
{
  guint8 entry[CENTRAL_SIZE];
  guint16 name_len;

  if (!read_at (file, *position, entry, CENTRAL_SIZE) || le32 (entry) != CENTRAL_SIGNATURE)
    return FALSE;
  part->method = le16 (entry + 10);
  part->compressed = le32 (entry + 20);
  part->size = le32 (entry + 24);
  part->offset = le32 (entry + 42);
  name_len = le16 (entry + 28);
  if (name_len >= sizeof part->name ||
      fread (part->name, 1, name_len, file) != name_len)
    return FALSE;
  part->name[name_len] = '\0';
  *position += CENTRAL_SIZE + name_len + le16 (entry + 30) + le16 (entry + 32);
  return TRUE;
}

/* Reading back while the zip is still being written, on the other core:
 * libxlsxwriter's minizip writes each part's local header, then its
 * deflated data (a stream that says where it ends), then seeks back to
 * fill in the header's sizes and goes on to the next part. So a part can
 * be inflated as its data arrives, and its sizes read once they are in;
 * at the end, what was checked this way only has to match the central
 * directory. Anything unexpected (a stored part, a data descriptor, zip64)
 * stops the following, and what is left is checked after the writing. */

typedef struct
{
  guint32 offset;
  guint32 compressed;
  guint32 size;
  guint16 method;
  char    name[256];
} Checked;

struct _DpoXlsxFollower
{
  char    *path;
  GArray  *data_sizes;
  GArray  *checked;       /* of Checked: parts found whole, in file order */
  GThread *thread;
  gint     writer_done;   /* atomic */
};

/* Waits a little for the writer; FALSE once it is done (nothing more will come). */
static gboolean
wait_for_writer (DpoXlsxFollower *follower)
{
  if (g_atomic_int_get (&follower->writer_done))
    return FALSE;
  g_usleep (G_USEC_PER_SEC / 500);
  return TRUE;
}

/* Reads @size bytes at @offset, waiting for the writer to put them there. */
static gboolean
read_when_written (DpoXlsxFollower *follower,
                   FILE            *file,
                   guint64          offset,
                   void            *buffer,
                   gsize            size)
{
  do
    {
      if (read_at (file, offset, buffer, size))
        return TRUE;
      clearerr (file);
    }
  while (wait_for_writer (follower));
  return read_at (file, offset, buffer, size);
}

/* The local header at @offset: its name, and where its data starts. */
static gboolean
follow_local_header (DpoXlsxFollower *follower,
                     FILE            *file,
                     guint64          offset,
                     Part            *part,
                     guint64         *data)
{
  guint8 local[LOCAL_SIZE];
  guint16 name_len;

  if (!read_when_written (follower, file, offset, local, LOCAL_SIZE) ||
      le32 (local) != LOCAL_SIGNATURE || (le16 (local + 6) & 0x8) != 0 ||
      (le16 (local + 8) != Z_DEFLATED))
    return FALSE;
  name_len = le16 (local + 26);
  if (name_len >= sizeof part->name ||
      !read_when_written (follower, file, offset + LOCAL_SIZE, part->name, name_len))
    return FALSE;
  part->name[name_len] = '\0';
  part->method = Z_DEFLATED;
  part->offset = offset;
  *data = offset + LOCAL_SIZE + name_len + le16 (local + 28);
  return TRUE;
}

/* Inflates a part's data while it is being written: a deflate stream
 * says where it ends. */
static gboolean
follow_part_data (DpoXlsxFollower *follower,
                  FILE            *file,
                  guint64          data,
                  Buffers         *buffers,
                  Output          *out,
                  z_stream        *z)
{
  guint64 position = data;
  int rc = Z_OK;

  while (rc != Z_STREAM_END)
    {
      gsize n;

      if (fseeko (file, position, SEEK_SET) != 0)
        return FALSE;
      n = fread (buffers->in, 1, CHUNK, file);
      if (n == 0)
        {
          clearerr (file);
          if (!wait_for_writer (follower) &&
              (fseeko (file, position, SEEK_SET) != 0 ||
               (n = fread (buffers->in, 1, CHUNK, file)) == 0))
            return FALSE;
          if (n == 0)
            continue;
        }
      z->next_in = buffers->in;
      z->avail_in = n;
      do
        {
          z->next_out = buffers->inflated;
          z->avail_out = CHUNK;
          rc = inflate (z, Z_NO_FLUSH);
          if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            return FALSE;
          collect (out, buffers->inflated, CHUNK - z->avail_out);
        }
      while (z->avail_out == 0 && rc != Z_STREAM_END);
      position += n - z->avail_in;
    }
  return TRUE;
}

/* Once the part is written, minizip fills in its header's sizes. */
static gboolean
follow_part_sizes (DpoXlsxFollower *follower,
                   FILE            *file,
                   Part            *part)
{
  guint8 local[LOCAL_SIZE];

  do
    {
      if (read_at (file, part->offset, local, LOCAL_SIZE) && le32 (local + 18) != 0)
        {
          part->compressed = le32 (local + 18);
          part->size = le32 (local + 22);
          return TRUE;
        }
      clearerr (file);
    }
  while (wait_for_writer (follower));
  return FALSE;
}

/* Checks the part whose local header is at @offset, as it is written. */
static gboolean
follow_part (DpoXlsxFollower *follower,
             FILE            *file,
             Buffers         *buffers,
             guint64          offset,
             Checked         *checked,
             guint64         *next)
{
  g_autofree Output *out = g_new0 (Output, 1);
  z_stream z = { 0 };
  guint64 data = 0;
  Part part;
  gboolean ok;

  if (!follow_local_header (follower, file, offset, &part, &data) ||
      inflateInit2 (&z, -MAX_WBITS) != Z_OK)
    return FALSE;
  ok = follow_part_data (follower, file, data, buffers, out, &z) &&
       follow_part_sizes (follower, file, &part) &&
       z.total_in == part.compressed && check_output (&part, follower->data_sizes, out);
  inflateEnd (&z);
  if (!ok)
    return FALSE;

  *checked = (Checked) { part.offset, part.compressed, part.size, part.method, "" };
  memcpy (checked->name, part.name, sizeof checked->name);
  *next = data + part.compressed;
  return *next <= G_MAXUINT32;
}

static gpointer
follow_thread (gpointer data)
{
  DpoXlsxFollower *follower = data;
  g_autofree Buffers *buffers = g_new (Buffers, 1);
  FILE *file = fopen (follower->path, "rb");
  guint64 offset = 0;
  Checked checked;

  if (file == NULL)
    return NULL;
  /* Unbuffered: a buffer would keep bytes read before the writer's last ones. */
  setvbuf (file, NULL, _IONBF, 0);
  while (follow_part (follower, file, buffers, offset, &checked, &offset))
    g_array_append_val (follower->checked, checked);
  fclose (file);
  return NULL;
}

DpoXlsxFollower *
_dpo_xlsx_follow_start (const char *path,
                        GArray     *data_sizes)
{
  DpoXlsxFollower *follower = g_new0 (DpoXlsxFollower, 1);

  follower->path = g_strdup (path);
  follower->data_sizes = g_array_ref (data_sizes);
  follower->checked = g_array_new (FALSE, FALSE, sizeof (Checked));
  follower->thread = g_thread_new ("dpo-xlsx-verify", follow_thread, follower);
  return follower;
}

void
_dpo_xlsx_follow_stop (DpoXlsxFollower *follower)
{
  if (follower->thread == NULL)
    return;
  g_atomic_int_set (&follower->writer_done, TRUE);
  g_thread_join (g_steal_pointer (&follower->thread));
}

void
_dpo_xlsx_follow_free (DpoXlsxFollower *follower)
{
  if (follower == NULL)
    return;
  _dpo_xlsx_follow_stop (follower);
  g_array_unref (follower->checked);
  g_array_unref (follower->data_sizes);
  g_free (follower->path);
  g_free (follower);
}

/* Checked already, exactly as the central directory lists it. */
static gboolean
was_checked (DpoXlsxFollower *follower,
             const Part      *part)
{
  for (guint i = 0; follower != NULL && i < follower->checked->len; i++)
    {
      const Checked *checked = &g_array_index (follower->checked, Checked, i);

      if (checked->offset == part->offset)
        return checked->compressed == part->compressed && checked->size == part->size &&
               checked->method == part->method && strcmp (checked->name, part->name) == 0;
    }
  return FALSE;
}

gboolean
_dpo_xlsx_verify (const char      *path,
                  GArray          *data_sizes,
                  DpoXlsxFollower *follower)
{
  FILE *file = fopen (path, "rb");
  g_autofree Buffers *buffers = g_new (Buffers, 1);
  guint32 directory = 0;
  guint16 count = 0;
  gint64 position;
  gboolean ok;

  if (file == NULL)
    return FALSE;
  if (follower != NULL)
    _dpo_xlsx_follow_stop (follower);

  ok = find_directory (file, &directory, &count) && count > 0;
  position = directory;
  for (guint i = 0; ok && i < count; i++)
    {
      Part part;

      ok = read_part_entry (file, &position, &part) &&
           (was_checked (follower, &part) || check_part (file, &part, data_sizes, buffers));
    }
  fclose (file);
  return ok;
}

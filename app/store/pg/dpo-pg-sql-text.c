/* dpo-pg-sql-text.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dpo-pg-stmt-private.h"

/* The store's SQL text, read as PostgreSQL reads it, for dpo-pg-stmt.c:
 * its parameters rewritten, the end of its one statement, the table an
 * INSERT writes. Quoted text and comments are stepped over whole, so that
 * a "?" or a ";" in them is left alone. */

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || (guchar) c >= 0x80;
}

/* After a '…' literal starting at @p; backslashes escape only in E'…'. */
static const char *
skip_literal (const char *p,
              gboolean    escapes)
{
  const char *q = p + 1;

  while (*q != '\0')
    {
      if (escapes && *q == '\\' && q[1] != '\0')
        q += 2;
      else if (*q == '\'' && q[1] == '\'')
        q += 2;
      else if (*q == '\'')
        return q + 1;
      else
        q++;
    }
  return q;
}

/* After a "…" name starting at @p. */
static const char *
skip_name (const char *p)
{
  const char *q = p + 1;

  while (*q != '\0')
    {
      if (*q == '"' && q[1] == '"')
        q += 2;
      else if (*q == '"')
        return q + 1;
      else
        q++;
    }
  return q;
}

/* After a block comment starting at @p; they nest in PostgreSQL. */
static const char *
skip_block_comment (const char *p)
{
  const char *q = p + 2;
  int depth = 1;

  while (*q != '\0' && depth > 0)
    {
      if (q[0] == '/' && q[1] == '*')
        depth++, q += 2;
      else if (q[0] == '*' && q[1] == '/')
        depth--, q += 2;
      else
        q++;
    }
  return q;
}

/* After a $tag$…$tag$ string starting at @p, or @p if none starts there. */
static const char *
skip_dollar_quote (const char *p)
{
  g_autofree char *tag = NULL;
  const char *end;
  gsize n = 1;

  if (g_ascii_isdigit (p[1]))
    return p;
  while (is_word_char (p[n]))
    n++;
  if (p[n] != '$')
    return p;
  tag = g_strndup (p, n + 1);
  end = strstr (p + n + 1, tag);
  return end != NULL ? end + n + 1 : p + strlen (p);
}

/* After whatever quoted text or comment starts at @p in @sql, or @p. */
static const char *
skip_quoted (const char *sql,
             const char *p)
{
  gboolean after_word = p > sql && is_word_char (p[-1]);

  switch (*p)
    {
    case '\'':
      /* E'…': the E alone, not the end of a longer word. */
      return skip_literal (p, after_word && (p[-1] == 'E' || p[-1] == 'e') &&
                              (p - 1 == sql || !is_word_char (p[-2])));
    case '"':
      return skip_name (p);
    case '-':
      return p[1] == '-' ? p + strcspn (p, "\n") : p;
    case '/':
      return p[1] == '*' ? skip_block_comment (p) : p;
    case '$':
      return after_word ? p : skip_dollar_quote (p);
    default:
      return p;
    }
}

char *
_dpo_pg_rewrite_params (const char *sql,
                        int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;
  int largest = 0;

  while (*p != '\0')
    {
      const char *end = skip_quoted (sql, p);
      int number;

      if (end != p)
        {
          g_string_append_len (out, p, end - p);
          p = end;
          continue;
        }
      if (*p != '?')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (g_ascii_isdigit (p[1]))
        {
          char *after = NULL;

          number = (int) CLAMP (g_ascii_strtoll (p + 1, &after, 10), 1, G_MAXINT16);
          p = after;
        }
      else
        {
          /* SQLite's rule: one more than the largest number so far. */
          number = largest + 1;
          p++;
        }
      largest = MAX (largest, number);
      g_string_append_printf (out, "$%d", number);
    }
  *n_params = largest;
  return g_string_free (out, FALSE);
}

/* After the name (plain or "quoted") at @p, or @p if none is there. */
static const char *
skip_identifier (const char *p)
{
  if (*p == '"')
    {
      const char *end = skip_name (p);

      /* Unterminated: no name. */
      return end[-1] == '"' && end - p >= 2 ? end : p;
    }
  if (g_ascii_isdigit (*p))
    return p;
  while (is_word_char (*p))
    p++;
  return p;
}

/* NULL too for a name that is not a table or schema.table, which the
 * server's to_regclass could refuse rather than answer. */
char *
_dpo_pg_insert_target (const char *sql)
{
  const char *p = sql + strspn (sql, " \t\r\n");
  const char *start, *end;

  if (g_ascii_strncasecmp (p, "INSERT", 6) != 0 || !g_ascii_isspace (p[6]))
    return NULL;
  p += 6 + strspn (p + 6, " \t\r\n");
  if (g_ascii_strncasecmp (p, "INTO", 4) != 0 || !g_ascii_isspace (p[4]))
    return NULL;
  p += 4 + strspn (p + 4, " \t\r\n");
  start = p;
  if ((end = skip_identifier (p)) == p)
    return NULL;
  if (*end == '.')
    {
      p = end + 1;
      if ((end = skip_identifier (p)) == p)
        return NULL;
    }
  if (*end != '\0' && !g_ascii_isspace (*end) && *end != '(')
    return NULL;
  return g_strndup (start, end - start);
}

/* 0 when more follows: the server then refuses @sql as it is. */
gsize
_dpo_pg_statement_length (const char *sql)
{
  const char *p = sql;
  const char *end = NULL;

  while (*p != '\0')
    {
      const char *after = skip_quoted (sql, p);

      if (after != p && (*p == '-' || *p == '/'))
        p = after;
      else if (end != NULL && *p != ';' && !g_ascii_isspace (*p))
        return 0;
      else if (after != p)
        p = after;
      else
        {
          if (*p == ';' && end == NULL)
            end = p;
          p++;
        }
    }
  return (end != NULL ? end : p) - sql;
}

/* The word anywhere, even quoted: that only costs a lastval() later. */
gboolean
_dpo_pg_has_returning (const char *sql)
{
  g_autofree char *upper = g_ascii_strup (sql, -1);

  return strstr (upper, "RETURNING") != NULL;
}

/* The types to declare for @n_params parameters of @text (rewritten):
 * text for a number the statement never names, as when a list binds the
 * same parameters to each of its statements and one leaves some unused
 * (SQLite ignores them; the server would refuse a parameter whose type it
 * cannot infer), and "infer" (0) for the others. NULL if all are named. */
guint32 *
_dpo_pg_param_types (const char *text,
                     int         n_params,
                     guint32     text_oid)
{
  g_autofree gboolean *named = g_new0 (gboolean, MAX (n_params, 1));
  guint32 *types = NULL;
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = skip_quoted (text, p);

      if (end != p)
        p = end;
      else if (*p == '$' && g_ascii_isdigit (p[1]) && (p == text || !is_word_char (p[-1])))
        {
          char *after = NULL;
          gint64 number = g_ascii_strtoll (p + 1, &after, 10);

          if (number >= 1 && number <= n_params)
            named[number - 1] = TRUE;
          p = after;
        }
      else
        p++;
    }
  for (int i = 0; i < n_params; i++)
    if (!named[i])
      {
        if (types == NULL)
          types = g_new0 (guint32, n_params);
        types[i] = text_oid;
      }
  return types;
}

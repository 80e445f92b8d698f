/* dpo-notice.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dpo-error.h"
#include "dpo-notice.h"

/* The notice as a record, its placeholders, their check and their
 * expansion. The drafting is in dpo-notice-draft.c. */

DpoNotice *
dpo_notice_new (const char *subject,
                const char *body)
{
  DpoNotice *notice = g_new0 (DpoNotice, 1);

  notice->subject = g_strdup (subject);
  notice->body = g_strdup (body);
  return notice;
}

DpoNotice *
dpo_notice_copy (const DpoNotice *notice)
{
  g_return_val_if_fail (notice != NULL, NULL);

  return dpo_notice_new (notice->subject, notice->body);
}

void
dpo_notice_free (DpoNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->subject);
  g_free (notice->body);
  g_free (notice);
}

static const char * const PLACEHOLDERS[] = {
  "first_name", "last_name", "member_number", "co_insured", NULL
};

const char * const *
dpo_notice_placeholders (void)
{
  return PLACEHOLDERS;
}

const char *
dpo_notice_placeholder_label (const char *name)
{
  if (g_strcmp0 (name, "first_name") == 0)
    return C_("notice placeholder", "First name");
  if (g_strcmp0 (name, "last_name") == 0)
    return C_("notice placeholder", "Last name");
  if (g_strcmp0 (name, "member_number") == 0)
    return C_("notice placeholder", "Member number");
  if (g_strcmp0 (name, "co_insured") == 0)
    return C_("notice placeholder", "Co-insured named in the letter");
  return NULL;
}

/* A placeholder name: [a-z_]+, as dpo-template.h defines it. Returns its
 * length, or 0 when @p does not start one closed by "}}". */
static gsize
placeholder_length (const char *p)
{
  gsize n = 0;

  while ((p[n] >= 'a' && p[n] <= 'z') || p[n] == '_')
    n++;
  return n > 0 && p[n] == '}' && p[n + 1] == '}' ? n : 0;
}

/* Every "{{" opens a known placeholder: the rule of dpo_template_check()
 * (dpo-template.h). */
gboolean
dpo_notice_check_text (const char  *text,
                       GError     **error)
{
  guint line = 1;

  for (const char *p = text; *p != '\0'; p++)
    {
      gsize n;
      g_autofree char *name = NULL;

      if (*p == '\n')
        line++;
      if (p[0] != '{' || p[1] != '{')
        continue;
      n = placeholder_length (p + 2);
      if (n == 0)
        {
          g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                       /* Translators: {{ and }} are typed as is. */
                       _("line %u: “{{” is not closed by “}}” around a placeholder name "
                         "(small letters and “_”)"), line);
          return FALSE;
        }
      name = g_strndup (p + 2, n);
      if (!g_strv_contains (PLACEHOLDERS, name))
        {
          g_autofree char *known = g_strjoinv ("}}, {{", (char **) PLACEHOLDERS);

          g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                       /* Translators: a placeholder name, then the known ones. */
                       _("line %u: “{{%s}}” is not a placeholder of the notice; "
                         "it may use {{%s}}"), line, name, known);
          return FALSE;
        }
      p += n + 3;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* "Part: what is wrong", the part named as the editor titles it. */
static gboolean
part_error (GError     **error,
            const char  *part,
            const char  *problem)
{
  /* Translators: "Field: what is wrong with it" */
  g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID, _("%s: %s"), part, problem);
  return FALSE;
}

static gboolean
check_part (const char  *part,
            const char  *text,
            const char  *when_empty,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (is_blank (text))
    return part_error (error, part, when_empty);
  if (!dpo_notice_check_text (text, &local_error))
    return part_error (error, part, local_error->message);
  return TRUE;
}

gboolean
dpo_notice_check (const char  *subject,
                  const char  *body,
                  GError     **error)
{
  return check_part (C_("notice part", "Subject"), subject,
                     _("it is empty; the people need to see what the message is about"), error) &&
         check_part (C_("notice part", "Text"), body,
                     _("it is empty; write or draft what the people are told"), error);
}

/* Appends @line (without its end) to @out with its placeholders filled;
 * FALSE when it held placeholders and all of them came out empty. */
static gboolean
expand_line (GString         *out,
             const char      *line,
             gsize            length,
             DpoNoticeLookup  lookup,
             gpointer         user_data)
{
  const char *end = line + length;
  guint placeholders = 0, filled = 0;
  gsize start = out->len;

  for (const char *p = line; p < end; p++)
    {
      gsize n = p + 2 < end && p[0] == '{' && p[1] == '{' ? placeholder_length (p + 2) : 0;
      g_autofree char *name = NULL;
      const char *value;

      if (n == 0 || p + n + 4 > end)
        {
          g_string_append_c (out, *p);
          continue;
        }
      name = g_strndup (p + 2, n);
      value = lookup (name, user_data);
      placeholders++;
      if (value != NULL && *value != '\0')
        {
          filled++;
          g_string_append (out, value);
        }
      p += n + 3;
    }
  if (placeholders > 0 && filled == 0)
    {
      g_string_truncate (out, start);
      return FALSE;
    }
  return TRUE;
}

char *
dpo_notice_expand (const char      *text,
                   DpoNoticeLookup  lookup,
                   gpointer         user_data)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *line = text;
  gboolean skip_blank = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  while (line != NULL)
    {
      const char *next = strchr (line, '\n');
      gsize length = next != NULL ? (gsize) (next - line) : strlen (line);
      gboolean paragraph_start = out->len == 0 || g_str_has_suffix (out->str, "\n\n");

      if (skip_blank && length == 0 && next != NULL)
        {
          skip_blank = FALSE;
          line = next + 1;
          continue;
        }
      skip_blank = FALSE;
      if (expand_line (out, line, length, lookup, user_data))
        {
          if (next != NULL)
            g_string_append_c (out, '\n');
        }
      else
        /* A line alone in its paragraph goes with its blank line. */
        skip_blank = paragraph_start;
      line = next != NULL ? next + 1 : NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
person_lookup (const char *name,
               gpointer    user_data)
{
  const DpoNoticePerson *person = user_data;

  if (g_str_equal (name, "first_name"))
    return person->first_name;
  if (g_str_equal (name, "last_name"))
    return person->last_name;
  if (g_str_equal (name, "member_number"))
    return person->member_number;
  if (g_str_equal (name, "co_insured"))
    return person->co_insured;
  return NULL;
}

char *
dpo_notice_expand_for (const char            *text,
                       const DpoNoticePerson *person)
{
  g_return_val_if_fail (person != NULL, NULL);

  return dpo_notice_expand (text, person_lookup, (gpointer) person);
}

const DpoNoticePerson *
dpo_notice_example_person (void)
{
  static const DpoNoticePerson example = {
    "Claire", "Martin", "IP-104233", "Luc Martin, Emma Martin"
  };

  return &example;
}

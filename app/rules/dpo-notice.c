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
#include "dpo-template.h"

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

/* The template rules of dpo-template.h, with the notice's placeholders. */
gboolean
dpo_notice_check_text (const char  *text,
                       GError     **error)
{
  return dpo_template_check (text, PLACEHOLDERS, error);
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

/* Counts the placeholders of a line as dpo_template_expand() fills them. */
typedef struct
{
  DpoNoticeLookup  lookup;
  gpointer         user_data;
  guint            placeholders;
  guint            filled;
} LineLookup;

static const char *
line_lookup (const char *name,
             gpointer    data)
{
  LineLookup *line = data;
  const char *value = line->lookup (name, line->user_data);

  line->placeholders++;
  if (value != NULL && *value != '\0')
    line->filled++;
  return value;
}

/* @line with its placeholders filled; NULL when it held placeholders and
 * all of them came out empty. */
static char *
expand_line (const char      *line,
             DpoNoticeLookup  lookup,
             gpointer         user_data)
{
  LineLookup counting = { lookup, user_data, 0, 0 };
  g_autofree char *expanded = dpo_template_expand (line, line_lookup, &counting);

  if (counting.placeholders > 0 && counting.filled == 0)
    return NULL;
  return g_steal_pointer (&expanded);
}

char *
dpo_notice_expand (const char      *text,
                   DpoNoticeLookup  lookup,
                   gpointer         user_data)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  for (guint i = 0; i < n; i++)
    {
      char *line = expand_line (lines[i], lookup, user_data);
      gboolean blank_before, blank_after;

      if (line != NULL)
        {
          g_ptr_array_add (kept, line);
          continue;
        }
      /* A line inside a paragraph just goes; a paragraph of its own goes
       * with one of the blank lines around it. */
      blank_before = kept->len == 0 || *(char *) g_ptr_array_index (kept, kept->len - 1) == '\0';
      blank_after = i + 1 == n || *lines[i + 1] == '\0';
      if (!blank_before || !blank_after)
        continue;
      if (i + 1 < n)
        i++;
      else if (kept->len > 0)
        g_ptr_array_remove_index (kept, kept->len - 1);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("\n", (char **) kept->pdata);
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

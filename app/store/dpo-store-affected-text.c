/* dpo-store-affected-text.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-error.h"
#include "dpo-nir.h"
#include "dpo-store-affected.h"

/* "6 February 2024" from "2024-02-06" or an ISO 8601 time (its local day). */
char *
dpo_affected_format_day (const char *sent_at)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (sent_at == NULL)
    return g_strdup ("");
  if (strlen (sent_at) == 10)
    {
      g_autofree char *noon = g_strconcat (sent_at, "T12:00:00", NULL);
      g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

      time = g_date_time_new_from_iso8601 (noon, zone);
    }
  else
    time = g_date_time_new_from_iso8601 (sent_at, NULL);
  if (time == NULL)
    return g_strdup (sent_at);
  local = g_date_time_to_local (time);
  /* TRANSLATORS: a day in a sentence, e.g. "6 February 2024"; see
   * g_date_time_format(). */
  return g_date_time_format (local, _("%-d %B %Y"));
}

static const char *
channel_words (const char *channel)
{
  if (g_strcmp0 (channel, "email") == 0)
    return _("by email");
  if (g_strcmp0 (channel, "post") == 0)
    return _("by post");
  return channel;
}

static char *
describe_entry (const DpoAffectedEntry *entry)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, entry->listed ? _("Affected by %s (listed)")
                                              : _("Affected by %s (co-insured)"),
                          entry->incident);
  /* A row of the processor's list that matched nobody: we hold nothing to
   * write to, and the person on the phone must hear why no letter came. */
  if (entry->subject == NULL && entry->informed->len == 0)
    g_string_append (text, _(", not found among our members, so not informed by us"));
  else if (entry->informed->len == 0)
    g_string_append (text, _(", not informed yet"));
  for (guint i = 0; i < entry->informed->len; i++)
    {
      const DpoInformed *informed = g_ptr_array_index (entry->informed, i);
      g_autofree char *day = dpo_affected_format_day (informed->sent_at);

      /* TRANSLATORS: ", informed by email on 6 February 2024" */
      g_string_append_printf (text, i == 0 ? _(", informed %s on %s") : _(" and %s on %s"),
                              channel_words (informed->channel), day);
    }
  return g_string_free (text, FALSE);
}

char *
dpo_affected_describe (GPtrArray *entries)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (entries != NULL, NULL);

  if (entries->len == 0)
    return g_strdup (_("Not affected by any incident"));
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (lines, describe_entry (g_ptr_array_index (entries, i)));
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* 15 characters once spaces are gone, digits but for 2A/2B: what a NIR
 * looks like, valid or not. */
static gboolean
looks_like_nir (const char *text)
{
  g_autoptr(GString) compact = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, g_ascii_toupper (*p));
  if (compact->len != 15)
    return FALSE;
  for (guint i = 0; i < 15; i++)
    {
      gboolean corsica = i == 6 && compact->str[5] == '2' &&
                         (compact->str[6] == 'A' || compact->str[6] == 'B');

      if (!g_ascii_isdigit (compact->str[i]) && !corsica)
        return FALSE;
    }
  return TRUE;
}

gboolean
dpo_affected_parse_query (const char  *text,
                          char       **nir,
                          char       **member_number,
                          GError     **error)
{
  g_autoptr(GError) cause = NULL;
  g_autofree char *member = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  *nir = NULL;
  *member_number = NULL;
  /* A mistyped NIR would otherwise be looked up as a member number and
   * answer "not affected": it is said to be wrong instead. */
  if (looks_like_nir (text))
    {
      if (dpo_nir_validate (text, nir, &cause))
        return TRUE;
      g_set_error (error, DPO_ERROR, DPO_ERROR_INVALID,
                   _("“%s” looks like a NIR but is not valid: %s"), text, cause->message);
      return FALSE;
    }
  member = dpo_affected_normalize_member (text);
  if (member == NULL)
    {
      g_set_error_literal (error, DPO_ERROR, DPO_ERROR_INVALID,
                           _("Type a NIR or a member number."));
      return FALSE;
    }
  *member_number = g_steal_pointer (&member);
  return TRUE;
}

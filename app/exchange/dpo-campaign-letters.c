/* dpo-campaign-letters.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dpo-campaign.h"
#include "dpo-campaign-private.h"
#include "dpo-letter-pdf.h"
#include "dpo-template.h"
#include "dpo-time.h"

/* The letters of a campaign and the mail house's list of them. The mail
 * house needs to know where each letter starts and how many sheets it
 * takes (to fold and insert them), hence first_page and pages. */

/* A French address block holds six lines at most (AFNOR NF Z10-011): the
 * name, then five. */
#define ADDRESS_COLUMNS 5

static const char * const LETTERS_COLUMNS[] = {
  "name", "address_1", "address_2", "address_3", "address_4", "address_5",
  "first_page", "pages", NULL
};

struct _DpoCampaignLetters
{
  char          *pdf_path;
  DpoLetterPdf  *pdf;           /* made at the first letter */
  DpoCsvFile    *csv;
  char          *sender_name;
  char          *sender_lines;
  char          *place_date;
  char          *signature;
  char          *dpo_name;      /* to see whether the notice signs itself */
};

void
dpo_campaign_letters_free (DpoCampaignLetters *self)
{
  if (self == NULL)
    return;
  g_free (self->pdf_path);
  g_clear_pointer (&self->pdf, dpo_letter_pdf_free);
  g_clear_pointer (&self->csv, dpo_csv_file_free);
  g_free (self->sender_name);
  g_free (self->sender_lines);
  g_free (self->place_date);
  g_free (self->signature);
  g_free (self->dpo_name);
  g_free (self);
}

GStrv
dpo_campaign_address_lines (const char *postal_address)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (postal_address == NULL)
    return g_strv_builder_end (builder);
  parts = strchr (postal_address, '\n') != NULL ? g_strsplit (postal_address, "\n", -1)
                                                : g_strsplit (postal_address, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
is_postcode (const char *word)
{
  guint digits = 0;

  for (; *word != '\0'; word++, digits++)
    if (!g_ascii_isdigit (*word))
      return FALSE;
  return digits == 5;
}

/* The city of the organisation's address: the last line without its
 * postcode nor "CEDEX" ("75002 Paris" -> "Paris"); NULL if none is found. */
static char *
organisation_city (const char *address)
{
  g_auto(GStrv) lines = dpo_campaign_address_lines (address);
  g_auto(GStrv) words = NULL;
  GString *city = g_string_new (NULL);
  guint n = g_strv_length (lines);

  if (n > 0)
    words = g_strsplit (lines[n - 1], " ", -1);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || is_postcode (words[i]) || g_ascii_strcasecmp (words[i], "cedex") == 0 ||
          (i > 0 && g_ascii_strcasecmp (words[i - 1], "cedex") == 0))
        continue;
      if (strpbrk (words[i], "0123456789") != NULL)
        {
          /* A street, not a city. */
          g_string_truncate (city, 0);
          break;
        }
      if (city->len > 0)
        g_string_append_c (city, ' ');
      g_string_append (city, words[i]);
    }
  if (city->len == 0)
    {
      g_string_free (city, TRUE);
      return NULL;
    }
  return g_string_free (city, FALSE);
}

/* "Paris, le 6 février 2024", or "Le 6 février 2024" without a city. */
static char *
place_date (const DpoOrganisation *organisation,
            GDateTime             *date)
{
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
  g_autofree char *day = dpo_template_format_date (iso);
  g_autofree char *city = organisation_city (organisation->address);

  if (city == NULL)
    /* TRANSLATORS: the date at the head of a letter, when the city is not known. */
    return g_strdup_printf (C_("letter date without a city", "%s"), day);
  /* TRANSLATORS: the place and date at the head of a letter: "Paris, le 6 février 2024". */
  return g_strdup_printf (C_("letter place and date", "%s, %s"), city, day);
}

static char *
sender_lines (const DpoOrganisation *organisation)
{
  g_auto(GStrv) address = dpo_campaign_address_lines (organisation->address);
  GString *lines = g_string_new (NULL);

  for (guint i = 0; address[i] != NULL; i++)
    g_string_append_printf (lines, "%s\n", address[i]);
  /* A blank line: the DPO's contact is set apart, smaller. */
  g_string_append_c (lines, '\n');
  if (organisation->dpo_name != NULL)
    g_string_append_printf (lines, _("Data protection officer: %s\n"), organisation->dpo_name);
  else
    g_string_append_printf (lines, "%s\n", _("Data protection officer"));
  if (organisation->dpo_email != NULL)
    g_string_append_printf (lines, "%s\n", organisation->dpo_email);
  if (organisation->dpo_phone != NULL)
    g_string_append_printf (lines, "%s\n", organisation->dpo_phone);
  g_strchomp (lines->str);
  lines->len = strlen (lines->str);
  return g_string_free (lines, FALSE);
}

static char *
signature (const DpoOrganisation *organisation)
{
  if (organisation->dpo_name == NULL)
    return g_strdup (_("The data protection officer"));
  return g_strdup_printf ("%s\n%s", organisation->dpo_name, _("Data protection officer"));
}

/* The drafted notice ends with "Yours sincerely," and the DPO's name and
 * title, as the email needs: on paper, the letter's own signature block
 * under it would sign the letter twice. A notice whose last paragraph
 * names the DPO is taken to sign itself. */
static gboolean
signs_itself (const char *body,
              const char *dpo_name)
{
  g_autofree char *text = NULL;
  const char *last;

  if (dpo_name == NULL || *dpo_name == '\0' || body == NULL)
    return FALSE;
  text = g_strstrip (g_strdup (body));
  last = g_strrstr (text, "\n\n");
  return strstr (last != NULL ? last : text, dpo_name) != NULL;
}

DpoCampaignLetters *
dpo_campaign_letters_new (GFile                  *pdf,
                          GFile                  *csv,
                          const DpoOrganisation  *organisation,
                          GDateTime              *date,
                          GError                **error)
{
  g_autoptr(DpoCampaignLetters) self = g_new0 (DpoCampaignLetters, 1);
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  self->pdf_path = g_file_get_path (pdf);
  self->sender_name = g_strdup (organisation->name != NULL ? organisation->name : "");
  self->sender_lines = sender_lines (organisation);
  self->place_date = place_date (organisation, local);
  self->signature = signature (organisation);
  self->dpo_name = g_strdup (organisation->dpo_name);
  self->csv = dpo_csv_file_new (csv, LETTERS_COLUMNS, error);
  if (self->csv == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

static gboolean
add_row (DpoCampaignLetters  *self,
         const char          *name,
         GStrv                address,
         guint                first_page,
         guint                pages,
         GError             **error)
{
  g_autofree char *first = g_strdup_printf ("%u", first_page);
  g_autofree char *count = g_strdup_printf ("%u", pages);
  g_autofree char *rest = NULL;
  guint n = g_strv_length (address);
  const char *row[G_N_ELEMENTS (LETTERS_COLUMNS)] = { name };

  for (guint i = 0; i < ADDRESS_COLUMNS && i < n; i++)
    row[1 + i] = address[i];
  /* A longer address keeps its last lines together in the last column. */
  if (n > ADDRESS_COLUMNS)
    row[ADDRESS_COLUMNS] = rest = g_strjoinv (", ", address + ADDRESS_COLUMNS - 1);
  row[1 + ADDRESS_COLUMNS] = first;
  row[2 + ADDRESS_COLUMNS] = count;
  return dpo_csv_file_add_row (self->csv, row, error);
}

gboolean
dpo_campaign_letters_add (DpoCampaignLetters  *self,
                          const char          *name,
                          const char          *postal_address,
                          const char          *subject,
                          const char          *body,
                          GError             **error)
{
  g_auto(GStrv) address = dpo_campaign_address_lines (postal_address);
  g_autofree char *joined = g_strjoinv ("\n", address);
  g_autofree char *recipient = g_strdup_printf ("%s\n%s", name, joined);
  DpoLetter letter = {
    .sender_name = self->sender_name,
    .sender_lines = self->sender_lines,
    .recipient_lines = recipient,
    .place_date = self->place_date,
    .subject = subject,
    .body = body,
    .signature = signs_itself (body, self->dpo_name) ? NULL : self->signature,
  };
  guint first_page;
  guint pages;

  if (self->pdf == NULL)
    {
      self->pdf = dpo_letter_pdf_new (self->pdf_path, error);
      if (self->pdf == NULL)
        return FALSE;
    }
  first_page = dpo_letter_pdf_page_count (self->pdf) + 1;
  pages = dpo_letter_pdf_add (self->pdf, &letter, error);
  return pages > 0 && add_row (self, name, address, first_page, pages, error);
}

gboolean
dpo_campaign_letters_finish (DpoCampaignLetters  *self,
                             GError             **error)
{
  return (self->pdf == NULL || dpo_letter_pdf_finish (self->pdf, error)) &&
         dpo_csv_file_finish (self->csv, error);
}

/* dpo-notice-draft.c
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dpo-notice.h"
#include "dpo-template.h"

/* The first draft of the Art. 34 notice, written from the incident the way
 * the insurers' notices of February 2024 were: what happened and when, the
 * data concerned in words a member knows, what it could mean, what was
 * done, what to watch out for, whom to ask, and the CNIL. The DPO edits it
 * afterwards; what is typed in the incident (description, origin,
 * consequences, measures) is quoted as typed. Paragraphs are separated by
 * a blank line and a line starting with "- " is a bullet, as the letters
 * (dpo-letter-pdf.h) and the emails lay them out. */

/* Not translated: the CNIL's own postal address. */
#define CNIL_ADDRESS "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr"

typedef struct
{
  const char *word;
  const char *phrase;     /* in the context DATA_CONTEXT */
} Phrase;

#define DATA_CONTEXT "notice: data concerned"

/* The data categories of DESIGN as a letter names them. */
static const Phrase DATA_PHRASES[] = {
  { "civil_status", NC_("notice: data concerned", "your civil status (surname, first names)") },
  { "birth_date", NC_("notice: data concerned", "your date of birth") },
  { "birth_rank", NC_("notice: data concerned", "your birth rank") },
  { "nir", NC_("notice: data concerned", "your social security number (NIR)") },
  { "member_number", NC_("notice: data concerned", "your member number") },
  { "insurer", NC_("notice: data concerned", "the name of your complementary health insurer") },
  { "guarantees", NC_("notice: data concerned", "the guarantees of your contract") },
  { "contact", NC_("notice: data concerned", "your contact details (postal address, email address, "
                                             "phone number)") },
  { "identification", NC_("notice: data concerned", "your login details") },
  { "financial", NC_("notice: data concerned", "your bank or financial details") },
  { "official_documents", NC_("notice: data concerned", "copies of official documents") },
  { "location", NC_("notice: data concerned", "location data") },
  { "offences", NC_("notice: data concerned", "information about offences or convictions") },
  { "health", NC_("notice: data concerned", "information about your health") },
  { "sensitive", NC_("notice: data concerned", "other sensitive information about you") },
  { NULL, NULL }
};

static gboolean
has_word (GStrv        words,
          const char  *word)
{
  return words != NULL && g_strv_contains ((const char * const *) words, word);
}

static gboolean
has_any (GStrv               words,
         const char * const *any)
{
  for (guint i = 0; any[i] != NULL; i++)
    if (has_word (words, any[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strdup (text);

  return text == NULL || *g_strstrip (copy) == '\0';
}

/* The local day of @time as a letter writes it: "1er février 2024". */
static char *
format_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");

  return dpo_template_format_date (iso);
}

/* @text trimmed, ended by a full stop unless it ends a sentence already. */
static void
append_sentence (GString    *out,
                 const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ' ');
  g_string_append (out, copy);
  if (!g_str_has_suffix (copy, ".") && !g_str_has_suffix (copy, "!") &&
      !g_str_has_suffix (copy, "?") && !g_str_has_suffix (copy, "…"))
    g_string_append_c (out, '.');
}

static void
end_paragraph (GString *out)
{
  g_string_append (out, "\n\n");
}

/* What the breach did to the data, from its natures. */
static char *
describe_natures (GStrv natures)
{
  g_autoptr(GPtrArray) effects = g_ptr_array_new ();

  if (has_word (natures, "confidentiality"))
    g_ptr_array_add (effects, (gpointer) _("people without any right to them were able to access data"));
  if (has_word (natures, "integrity"))
    g_ptr_array_add (effects, (gpointer) _("data may have been altered"));
  if (has_word (natures, "availability"))
    g_ptr_array_add (effects, (gpointer) _("data were made unavailable or lost"));
  g_ptr_array_add (effects, NULL);
  return g_strjoinv ("; ", (char **) effects->pdata);
}

static void
write_nature (GString           *out,
              const DpoIncident *incident)
{
  g_autofree char *aware = format_day (incident->aware_at);
  g_autofree char *effects = describe_natures (incident->natures);
  g_autofree char *sentence = NULL;

  if (!is_blank (incident->processor))
    sentence = *effects != '\0'
      ? g_strdup_printf (_("On %s, we were informed that our processor %s had suffered a personal data "
                           "breach: %s."), aware, incident->processor, effects)
      : g_strdup_printf (_("On %s, we were informed that our processor %s had suffered a personal data "
                           "breach."), aware, incident->processor);
  else
    sentence = *effects != '\0'
      ? g_strdup_printf (_("On %s, we became aware of a personal data breach: %s."), aware, effects)
      : g_strdup_printf (_("On %s, we became aware of a personal data breach."), aware);
  g_string_append (out, sentence);

  if (!is_blank (incident->description))
    append_sentence (out, incident->description);
  if (incident->started_at != NULL)
    {
      g_autofree char *start = format_day (incident->started_at);
      g_autofree char *end = incident->ended_at != NULL ? format_day (incident->ended_at) : NULL;
      g_autofree char *when = end != NULL
        ? g_strdup_printf (_("The breach took place between %s and %s."), start, end)
        : g_strdup_printf (_("The breach began on %s."), start);
      append_sentence (out, when);
    }
  if (!is_blank (incident->origin))
    {
      g_autofree char *origin = g_strdup_printf (_("Its origin: %s"), incident->origin);
      append_sentence (out, origin);
    }
  end_paragraph (out);
}

static const char *
data_phrase (const char *word)
{
  for (guint i = 0; DATA_PHRASES[i].word != NULL; i++)
    if (g_str_equal (DATA_PHRASES[i].word, word))
      return g_dpgettext2 (GETTEXT_PACKAGE, DATA_CONTEXT, DATA_PHRASES[i].phrase);
  return word;  /* a category of the DPO's own: as typed */
}

static void
write_data (GString           *out,
            const DpoIncident *incident)
{
  GStrv categories = incident->data_categories;
  gboolean financial = has_word (categories, "financial");
  gboolean health = has_word (categories, "health");

  if (categories == NULL || categories[0] == NULL)
    {
      g_string_append (out, _("The data concerned are still being determined; we will tell you as "
                              "soon as we know them."));
      end_paragraph (out);
      return;
    }
  g_string_append (out, _("The data concerned are:"));
  for (guint i = 0; categories[i] != NULL; i++)
    g_string_append_printf (out, "\n- %s", data_phrase (categories[i]));
  if (!financial && !health)
    g_string_append_printf (out, "\n%s", _("As far as we know, neither your bank details nor your "
                                           "health data are concerned."));
  else if (!financial)
    g_string_append_printf (out, "\n%s", _("As far as we know, your bank details are not concerned."));
  else if (!health)
    g_string_append_printf (out, "\n%s", _("As far as we know, your health data are not concerned."));
  end_paragraph (out);

  /* One line of its own: left out of the letter of a person without co-insured. */
  g_string_append (out, _("This breach also concerns the beneficiaries of your contract: {{co_insured}}."));
  end_paragraph (out);
}

/* When the incident does not say, the consequences that its data
 * categories make likely. */
static void
draft_consequences (GString *out,
                    GStrv    categories)
{
  static const char * const identity[] = { "civil_status", "birth_date", "birth_rank", "nir",
                                           "member_number", "insurer", "guarantees", NULL };
  static const char * const intimate[] = { "health", "sensitive", "offences", NULL };
  gsize start = out->len;

  if (has_any (categories, identity))
    append_sentence (out, _("These data could be used to make fraudulent messages, calls or letters "
                            "look genuine (phishing) or, combined with data stolen elsewhere, to try "
                            "to usurp your identity."));
  if (has_word (categories, "contact"))
    append_sentence (out, _("You may receive unsolicited or fraudulent messages at the contact "
                            "details concerned."));
  if (has_word (categories, "identification"))
    append_sentence (out, _("Someone could try to log in to your accounts with these details."));
  if (has_word (categories, "financial"))
    append_sentence (out, _("Fraudulent debits or other attempts at fraud on your bank account "
                            "are possible."));
  if (has_any (categories, intimate))
    append_sentence (out, _("Particularly private information about you could be disclosed."));
  if (out->len == start)
    append_sentence (out, _("At this stage, nothing indicates that your data have been misused."));
}

static void
write_consequences_and_measures (GString           *out,
                                 const DpoIncident *incident)
{
  if (!is_blank (incident->consequences))
    {
      g_string_append (out, _("The likely consequences of this breach:"));
      g_string_append_c (out, '\n');
      append_sentence (out, incident->consequences);
    }
  else
    draft_consequences (out, incident->data_categories);
  end_paragraph (out);

  if (!is_blank (incident->measures))
    {
      g_string_append (out, _("What we have done:"));
      g_string_append_c (out, '\n');
      append_sentence (out, incident->measures);
    }
  else
    g_string_append (out, _("We have taken measures to end this breach and to limit its consequences."));
  end_paragraph (out);
}

static void
write_precautions (GString           *out,
                   const DpoIncident *incident)
{
  g_string_append (out, _("We advise you to be particularly vigilant:"));
  g_string_append_printf (out, "\n- %s",
                          _("be wary of any unexpected email, text message or phone call, even one "
                            "that seems to come from us, the Assurance Maladie or a health "
                            "professional (phishing)"));
  g_string_append_printf (out, "\n- %s",
                          _("never give your passwords, access codes or bank details by email, text "
                            "message or phone: we will never ask you for them"));
  g_string_append_printf (out, "\n- %s",
                          _("check your bank statements and your health reimbursements, and tell us "
                            "of any transaction you do not recognise"));
  if (has_word (incident->data_categories, "identification"))
    g_string_append_printf (out, "\n- %s",
                            _("change your password, with us and wherever you use the same one"));
  end_paragraph (out);
}

static char *
one_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (!is_blank (lines[i]))
      g_strv_builder_add (kept, g_strstrip (lines[i]));
  parts = g_strv_builder_end (kept);
  return g_strjoinv (", ", parts);
}

/* Where a letter reaches the DPO: the DPO's own address as it is, else
 * the organisation's with "Data protection officer" and its name in front. */
static char *
postal_contact (const DpoOrganisation *org)
{
  g_autoptr(GString) post = NULL;

  if (!is_blank (org->dpo_address))
    return one_line (org->dpo_address);
  if (is_blank (org->address))
    return NULL;
  post = g_string_new (C_("notice", "Data protection officer"));
  if (!is_blank (org->name))
    g_string_append_printf (post, "\n%s", org->name);
  g_string_append_printf (post, "\n%s", org->address);
  return one_line (post->str);
}

static void G_GNUC_PRINTF (2, 3)
bullet (GString    *out,
        const char *format,
        ...)
{
  va_list args;

  g_string_append (out, "\n- ");
  va_start (args, format);
  g_string_append_vprintf (out, format, args);
  va_end (args);
}

static void
write_contact (GString               *out,
               const DpoOrganisation *org)
{
  g_autofree char *post = org != NULL ? postal_contact (org) : NULL;
  gboolean email = org != NULL && !is_blank (org->dpo_email);
  gboolean phone = org != NULL && !is_blank (org->dpo_phone);

  if (!email && !phone && post == NULL)
    {
      g_string_append (out, _("For any question, you can contact our data protection officer."));
      end_paragraph (out);
      return;
    }
  if (org != NULL && !is_blank (org->dpo_name))
    g_string_append_printf (out, _("For any question, you can contact our data protection officer, %s:"),
                            org->dpo_name);
  else
    g_string_append (out, _("For any question, you can contact our data protection officer:"));
  if (email)
    bullet (out, _("by email: %s"), org->dpo_email);
  if (phone)
    bullet (out, _("by phone: %s"), org->dpo_phone);
  if (post != NULL)
    bullet (out, _("by post: %s"), post);
  end_paragraph (out);
}

static void
write_closing (GString               *out,
               const DpoOrganisation *org)
{
  g_autofree char *complaint =
    g_strdup_printf (_("You have the right to lodge a complaint with the Commission nationale de "
                       "l’informatique et des libertés (CNIL): %s."), CNIL_ADDRESS);

  g_string_append (out, complaint);
  end_paragraph (out);
  g_string_append (out, _("We sincerely apologise for this incident and for the concern it may cause you."));
  end_paragraph (out);
  g_string_append (out, _("Yours sincerely,"));
  end_paragraph (out);
  if (org != NULL && !is_blank (org->dpo_name))
    g_string_append_printf (out, "%s\n", org->dpo_name);
  g_string_append (out, C_("notice", "Data protection officer"));
  if (org != NULL && !is_blank (org->name))
    g_string_append_printf (out, "\n%s", org->name);
  g_string_append_c (out, '\n');
}

static char *
draft_subject (const DpoIncident *incident)
{
  if (!is_blank (incident->processor))
    return g_strdup_printf (_("Personal data breach at %s: information about your data"),
                            incident->processor);
  return g_strdup (_("Personal data breach: information about your data"));
}

static char *
draft_body (const DpoIncident     *incident,
            const DpoOrganisation *org)
{
  GString *out = g_string_new (NULL);

  /* Lines of placeholders alone are left out when they come out empty. */
  g_string_append (out, _("Member number: {{member_number}}"));
  end_paragraph (out);
  g_string_append (out, _("Dear {{first_name}} {{last_name}},"));
  end_paragraph (out);
  g_string_append (out, _("As Article 34 of the General Data Protection Regulation (GDPR) requires, "
                          "we inform you of a personal data breach that concerns you."));
  end_paragraph (out);
  write_nature (out, incident);
  write_data (out, incident);
  write_consequences_and_measures (out, incident);
  write_precautions (out, incident);
  write_contact (out, org);
  write_closing (out, org);
  return g_string_free (out, FALSE);
}

DpoNotice *
dpo_notice_draft (const DpoIncident     *incident,
                  const DpoOrganisation *organisation)
{
  DpoNotice *notice;

  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (incident->aware_at != NULL, NULL);

  notice = g_new0 (DpoNotice, 1);
  notice->subject = draft_subject (incident);
  notice->body = draft_body (incident, organisation);
  return notice;
}

/* dpo-template.h
 *
 * Copyright 2026 The DPO Workbench authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Letter and notice templates: plain text with placeholders {{name}}, name
 * made of a-z and "_". A "{{" that is not followed by a name and "}}" is
 * kept as typed when expanded; dpo_template_check() refuses it, so that a
 * template the DPO saved never sends a letter with a hole in it.
 */

/* Fails (DPO_ERROR_INVALID) with a plain message naming the first unknown
 * placeholder and its line, or an unclosed "{{". @known is NULL-terminated. */
gboolean  dpo_template_check        (const char         *text,
                                     const char * const *known,
                                     GError            **error);

/* The value of placeholder @name, or NULL for an empty one. */
typedef const char * (*DpoTemplateLookup) (const char *name,
                                           gpointer    user_data);

/* @text with every {{name}} replaced by @lookup's value ("" for NULL). */
char     *dpo_template_expand       (const char         *text,
                                     DpoTemplateLookup   lookup,
                                     gpointer            user_data);

/* A date (YYYY-MM-DD) as a letter writes it in the current locale:
 * "6 February 2024", "6 février 2024", "1er mars 2024". NULL if @iso_date
 * is not a date. */
char     *dpo_template_format_date  (const char         *iso_date);

G_END_DECLS

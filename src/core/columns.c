/* SPDX-License-Identifier: MIT
 * columns: header names in French and English mapped to roles, any order,
 * case- and accent-insensitive ("Téléphone", "phone", "tel" are all phones). */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "table.h"
#include "text.h"
#include "util.h"

static const struct {
	const char *key;
	enum role role;
} aliases[] = {
	{"id", ROLE_ID}, {"identifiant", ROLE_ID}, {"numero", ROLE_ID},
	{"no", ROLE_ID}, {"num", ROLE_ID}, {"ref", ROLE_ID},
	{"nom", ROLE_NAME}, {"name", ROLE_NAME}, {"nomducentre", ROLE_NAME},
	{"organisme", ROLE_NAME}, {"structure", ROLE_NAME},
	{"raisonsociale", ROLE_NAME}, {"centre", ROLE_NAME},
	{"intitule", ROLE_NAME}, {"libelle", ROLE_NAME}, {"title", ROLE_NAME},
	{"sigle", ROLE_ACRONYM}, {"acronyme", ROLE_ACRONYM},
	{"acronym", ROLE_ACRONYM}, {"abreviation", ROLE_ACRONYM},
	{"abbreviation", ROLE_ACRONYM},
	{"territoire", ROLE_TERRITORY}, {"territory", ROLE_TERRITORY},
	{"zone", ROLE_TERRITORY}, {"secteur", ROLE_TERRITORY},
	{"area", ROLE_TERRITORY}, {"perimetre", ROLE_TERRITORY},
	{"territoire2017", ROLE_TERRITORY_2017},
	{"territoiredepuis2017", ROLE_TERRITORY_2017},
	{"territory2017", ROLE_TERRITORY_2017},
	{"territorysince2017", ROLE_TERRITORY_2017},
	{"since2017", ROLE_TERRITORY_2017}, {"depuis2017", ROLE_TERRITORY_2017},
	{"region", ROLE_REGION}, {"regions", ROLE_REGION},
	{"site", ROLE_WEBSITE}, {"siteweb", ROLE_WEBSITE},
	{"siteinternet", ROLE_WEBSITE}, {"website", ROLE_WEBSITE},
	{"web", ROLE_WEBSITE}, {"url", ROLE_WEBSITE}, {"internet", ROLE_WEBSITE},
	{"courriel", ROLE_EMAIL}, {"email", ROLE_EMAIL}, {"mail", ROLE_EMAIL},
	{"mel", ROLE_EMAIL}, {"adressecourriel", ROLE_EMAIL},
	{"adresseelectronique", ROLE_EMAIL},
	{"telephone", ROLE_PHONE}, {"tel", ROLE_PHONE}, {"phone", ROLE_PHONE},
	{"telephones", ROLE_PHONE}, {"phones", ROLE_PHONE},
	{"portable", ROLE_PHONE}, {"mobile", ROLE_PHONE},
	{"statut", ROLE_STATUS}, {"status", ROLE_STATUS}, {"etat", ROLE_STATUS},
	{"state", ROLE_STATUS},
	{"departement", ROLE_COVERAGE}, {"departements", ROLE_COVERAGE},
	{"department", ROLE_COVERAGE}, {"departments", ROLE_COVERAGE},
	{"dept", ROLE_COVERAGE}, {"depts", ROLE_COVERAGE},
	{"codedepartement", ROLE_COVERAGE}, {"codesdepartements", ROLE_COVERAGE},
	{"couverture", ROLE_COVERAGE}, {"coverage", ROLE_COVERAGE},
	{"codepostal", ROLE_POSTCODE}, {"codespostaux", ROLE_POSTCODE}, {"cp", ROLE_POSTCODE},
	{"postcode", ROLE_POSTCODE}, {"postalcode", ROLE_POSTCODE}, {"zip", ROLE_POSTCODE},
	{"zipcode", ROLE_POSTCODE},
};

/* TRANSLATORS: what a column of the file is taken for, in the --check
 * report ("3. Téléphone -> phone"). */
const char *
column_role_name(enum role role)
{
	switch (role) {
	case ROLE_ID: return C_("column role", "id");
	case ROLE_NAME: return C_("column role", "name");
	case ROLE_ACRONYM: return C_("column role", "acronym");
	case ROLE_TERRITORY: return C_("column role", "territory");
	case ROLE_TERRITORY_2017: return C_("column role", "territory since 2017");
	case ROLE_REGION: return C_("column role", "region");
	case ROLE_WEBSITE: return C_("column role", "website");
	case ROLE_EMAIL: return C_("column role", "e-mail");
	case ROLE_PHONE: return C_("column role", "phone");
	case ROLE_STATUS: return C_("column role", "status");
	case ROLE_COVERAGE: return C_("column role", "départements covered");
	case ROLE_POSTCODE: return C_("column role", "postcode");
	default: return "";
	}
}

char *
column_key(const char *name)
{
	char *f = text_fold_str(name);
	size_t j = 0;
	for (size_t i = 0; f[i]; i++)
		if ((f[i] >= 'a' && f[i] <= 'z') || (f[i] >= '0' && f[i] <= '9'))
			f[j++] = f[i];
	f[j] = '\0';
	return f;
}

enum role
column_role_of_key(const char *key)
{
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(key, aliases[i].key) == 0)
			return aliases[i].role;
	/* "telephone2", "tel1", "phone3": numbered phones are phones too. */
	size_t n = strlen(key);
	while (n > 0 && key[n - 1] >= '0' && key[n - 1] <= '9')
		n--;
	if (n > 0 && key[n] != '\0') {
		static const char *const phones[] = {"telephone", "tel", "phone"};
		for (size_t i = 0; i < 3; i++)
			if (strlen(phones[i]) == n && strncmp(key, phones[i], n) == 0)
				return ROLE_PHONE;
	}
	return ROLE_NONE;
}

void
table_add_column(struct table *t, const char *name, size_t len)
{
	if (t->stable && t->ncols == t->cols_cap) {
		/* Another thread may be reading the array: a new one, the old
		 * kept until the table goes. */
		size_t cap = t->cols_cap ? t->cols_cap * 2 : 16;
		struct column *grown = xmalloc(cap * sizeof *grown);
		if (t->ncols)
			memcpy(grown, t->cols, t->ncols * sizeof *grown);
		t->retired = xrealloc(t->retired, (t->nretired + 1) * sizeof *t->retired);
		t->retired[t->nretired++] = t->cols;
		t->cols = grown;
		t->cols_cap = cap;
	}
	xgrow((void **)&t->cols, &t->cols_cap, t->ncols + 1, sizeof *t->cols);
	struct column *c = &t->cols[t->ncols];
	c->name = xmalloc(len + 1);
	memcpy(c->name, name, len);
	c->name[len] = '\0';
	c->key = column_key(c->name);
	c->role = column_role_of_key(c->key);
	c->resident = -1;
	if (c->role != ROLE_NONE && t->role_col[c->role] < 0)
		t->role_col[c->role] = (int)t->ncols;
	t->ncols++;
}

size_t
table_columns_named(const struct table *t, const char *prefix, uint32_t *out, size_t max)
{
	char *key = column_key(prefix);
	size_t n = 0;
	if (*key) {
		enum role r = column_role_of_key(key);
		for (size_t i = 0; i < t->ncols && n < max; i++) {
			enum role cr = t->cols[i].role;
			if (strcmp(t->cols[i].key, key) == 0 ||
			    (r != ROLE_NONE && (cr == r ||
			    (r == ROLE_TERRITORY && cr == ROLE_TERRITORY_2017))))
				out[n++] = (uint32_t)i;
		}
	}
	free(key);
	return n;
}

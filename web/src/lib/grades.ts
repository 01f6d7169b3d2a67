/** Common scrap grades (GOST 2787 ferrous categories and non-ferrous groups) offered in pickers; free text stays allowed. */
export const DEFAULT_GRADES = [
  '3А', '5А', '12А', '17А', '20А', '22А', 'медь', 'латунь', 'бронза', 'алюминий', 'нержавеющая сталь', 'свинец', 'АКБ',
] as const;

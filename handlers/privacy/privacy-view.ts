/** `/em privacy`: what em-agent stores, for how long, and who can see what. */
export interface PrivacyView {
  kind: 'privacy';
  title: string;
  intro: string;
  sections: { title: string; lines: string[] }[];
}

/** The retention settings in force (from the environment), so the answer states the real numbers. */
export interface RetentionSettings {
  rawEventsDays: number;
  askAnswerDays: number;
  standupAnswerDays: number;
}

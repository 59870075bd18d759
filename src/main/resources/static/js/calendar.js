// The content calendar: FullCalendar (from WebJars) fed by the calendar REST API. No build step,
// no inline script (the Content-Security-Policy forbids them).
//
// Times: each post is shown at its wall-clock time in its account's zone. FullCalendar runs in
// 'UTC' mode and the API's `start` has no offset, so the calendar shows those wall-clock times
// as they are; a dropped event's UTC fields are the new wall-clock time, sent back with the
// event's own zone (the server resolves it, refusing times that do not exist there).
(function () {
  'use strict';

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {};
    if (token && header && token.content) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function day(date) {
    return date.toISOString().slice(0, 10);
  }

  function wallClock(date) {
    return date.toISOString().slice(0, 16);
  }

  function fill(text, value) {
    return text.replace('{0}', value);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('calendar');
    if (!element || !window.FullCalendar) {
      return;
    }
    var data = element.dataset;
    var filters = document.getElementById('calendar-filters');
    var notice = document.getElementById('notice');
    var stateKeys = data.stateKeys.split('|');
    var stateNames = data.stateNames.split('|');

    function stateName(state) {
      var i = stateKeys.indexOf(state);
      return i < 0 ? state : stateNames[i];
    }

    function say(text, problem) {
      notice.textContent = '';
      var p = document.createElement('p');
      p.className = problem ? 'notice refused' : 'notice';
      p.textContent = text;
      notice.appendChild(p);
    }

    function getJson(url, params) {
      return fetch(url + '?' + params.toString(), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        });
    }

    function postEvents(info, success, failure) {
      var params = new URLSearchParams({ from: day(info.start), to: day(info.end) });
      new FormData(filters).forEach(function (value, key) {
        if (value) {
          params.set(key, value);
        }
      });
      getJson(data.eventsUrl, params).then(function (list) {
        success(list.map(function (e) {
          return {
            id: e.targetId,
            title: e.preview || '…',
            start: e.start,
            url: e.url,
            classNames: ['post', 'state-' + e.state, 'network-' + e.network, e.movable ? 'movable' : 'fixed'],
            extendedProps: e
          };
        }));
      }).catch(failure);
    }

    function notableEvents(info, success, failure) {
      getJson(data.notableUrl, new URLSearchParams({ from: day(info.start), to: day(info.end) })).then(function (list) {
        success(list.map(function (d) {
          return {
            id: 'notable-' + d.country + '-' + d.key + '-' + d.date + (d.substitute ? '-substitute' : ''),
            title: d.name + ' (' + d.country + ')',
            start: d.date,
            allDay: true,
            url: d.composeUrl,
            editable: false,
            classNames: ['notable', 'notable-' + d.kind.toLowerCase()],
            backgroundColor: d.kind === 'PUBLIC_HOLIDAY' ? '#ffe1c4' : '#fff3c4',
            borderColor: d.kind === 'PUBLIC_HOLIDAY' ? '#d4762c' : '#d4a72c',
            textColor: '#3d2e00',
            extendedProps: { notable: d }
          };
        }));
      }).catch(failure);
    }

    function refusal(problem, event) {
      var errors = (problem && problem.errors) || [];
      var rules = errors.map(function (e) { return e.rule; });
      if (rules.indexOf('movable') >= 0) {
        return event.extendedProps.state === 'published' ? data.textPublished : data.textSending;
      }
      if (rules.indexOf('future') >= 0) {
        return data.textPast;
      }
      if (rules.indexOf('nonexistent-local-time') >= 0) {
        return data.textGap;
      }
      if (problem && problem.status === 403) {
        return data.textForbidden;
      }
      return errors.length ? errors.map(function (e) { return e.message; }).join(' ') : data.textFailed;
    }

    var calendar;

    function move(info) {
      var event = info.event;
      var when = wallClock(event.start);
      fetch(data.rescheduleUrl.replace('TARGET', event.id), {
        method: 'POST',
        credentials: 'same-origin',
        headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrfHeaders()),
        body: JSON.stringify({ scheduledAt: when, timeZone: event.extendedProps.zone })
      }).then(function (response) {
        if (response.ok) {
          say(fill(data.textMoved, when.replace('T', ' ') + ' ' + event.extendedProps.zone), false);
          calendar.getEventSourceById('posts').refetch();
          return;
        }
        info.revert();
        return response.json().catch(function () { return null; }).then(function (problem) {
          say(refusal(problem, event), true);
        });
      }).catch(function () {
        info.revert();
        say(data.textFailed, true);
      });
    }

    function describe(info) {
      var a = info.el.tagName === 'A' ? info.el : info.el.querySelector('a');
      // A link is natively draggable (its address); that drag would swallow FullCalendar's own.
      if (a) {
        a.setAttribute('draggable', 'false');
      }
      var props = info.event.extendedProps;
      if (props.notable) {
        var label = fill(data.textCompose, props.notable.name + ' (' + props.notable.country + ', ' + props.notable.date + ')');
        (a || info.el).setAttribute('aria-label', label);
        (a || info.el).setAttribute('title', label);
        return;
      }
      var icon = document.createElement('span');
      icon.className = 'net-icon net-' + props.network;
      icon.setAttribute('aria-hidden', 'true');
      var title = info.el.querySelector('.fc-event-title, .fc-list-event-title a') || info.el;
      title.insertBefore(icon, title.firstChild);
      if (props.categoryColor) {
        var dot = document.createElement('span');
        dot.className = 'category-dot';
        dot.style.background = props.categoryColor;
        dot.setAttribute('aria-hidden', 'true');
        title.insertBefore(dot, title.firstChild);
        info.el.dataset.category = props.category;
      }
      var labels = [props.category, props.campaign].filter(function (l) { return l; }).join(' · ');
      var text = props.start.replace('T', ' ').slice(0, 16) + ' ' + props.zone + ' · ' + props.networkName + ' ' + props.account
        + ' · ' + stateName(props.state) + (labels ? ' · ' + labels : '') + ' · ' + props.preview + ' — ' + data.textOpen;
      (a || info.el).setAttribute('aria-label', text);
      (a || info.el).setAttribute('title', text);
      info.el.dataset.targetId = props.targetId;
      info.el.dataset.state = props.state;
    }

    calendar = new FullCalendar.Calendar(element, {
      timeZone: 'UTC',
      locale: data.locale,
      firstDay: Number(data.firstDay),
      initialDate: data.initialDate || undefined,
      initialView: 'dayGridMonth',
      headerToolbar: { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay,listMonth' },
      editable: true,
      eventDurationEditable: false,
      dayMaxEvents: 6,
      displayEventEnd: false,
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      eventSources: [{ id: 'notable', events: notableEvents }, { id: 'posts', events: postEvents }],
      // A post keeps a time of day: dropping it on the all-day row of the week or day view makes no
      // sense (in the month view every day cell is "all day", and the post keeps its time there).
      eventAllow: function (drop, event) {
        return !event.extendedProps.notable && !(drop.allDay && calendar.view.type.indexOf('timeGrid') === 0);
      },
      // FullCalendar's arrow icons are a data: font, which the Content-Security-Policy does not allow.
      buttonIcons: false,
      eventDrop: move,
      eventDidMount: describe
    });
    calendar.render();
    filters.addEventListener('change', function () {
      calendar.getEventSourceById('posts').refetch();
    });
  });
})();
